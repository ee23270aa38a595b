package netlens.plots

import java.nio.file.Files
import java.nio.file.Path
import java.util.Locale
import org.jetbrains.letsPlot.facet.facetWrap
import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.themes.themeBW

/**
 * Two runs side by side: the line diff of their scripts, their training curves and collapse
 * measures overlaid (one colour per run), and a table of final values with differences.
 */
class CompareReport(private val root: Path) {
    /** A finished report folder: its name, metrics and script. */
    class Run(val folder: Path) {
        val name: String = folder.fileName.toString()
        val rows: List<MetricsTable.Row> = MetricsTable.read(folder.resolve("metrics.csv"))
        val script: String = folder.resolve(ReportWriter.SCRIPT_COPY).let { if (Files.exists(it)) Files.readString(it) else "" }
    }

    fun write(a: Run, b: Run): Path {
        val labelA = "A: ${a.name}"
        val labelB = if (a.name == b.name) "B: ${b.name} (${b.folder.parent?.fileName})" else "B: ${b.name}"
        val colours = scaleColorManual(values = listOf("#4e79a7", "#e15759"), limits = listOf(labelA, labelB), name = "run")
        fun series(filter: (MetricsTable.Row) -> Boolean, facet: (MetricsTable.Row) -> String): Map<String, List<Any>> {
            val rows = a.rows.filter(filter).map { labelA to it } + b.rows.filter(filter).map { labelB to it }
            return mapOf("epoch" to rows.map { it.second.epoch }, "value" to rows.map { it.second.value },
                "run" to rows.map { it.first }, "panel" to rows.map { facet(it.second) })
        }
        val network = series({ it.layer.isEmpty() && it.value.isFinite() }) { it.metric }
        val collapse = series({ it.metric in setOf("nc1", "nc2_etf_error", "nc4") && it.layer != "input" && it.value > 0 }) {
            "${it.metric} · ${it.layer}"
        }
        fun overlay(data: Map<String, List<Any>>, id: String, title: String, caption: String, columns: Int, log: Boolean): FigureOut {
            val panels = (data["panel"] ?: emptyList()).toSet().size.coerceAtLeast(1)
            val rows = (panels + columns - 1) / columns
            var p = letsPlot(data) + geomLine(size = 1.0) { x = "epoch"; y = "value"; color = "run" } + colours +
                facetWrap(facets = "panel", ncol = columns, scales = "free_y", order = 0, dir = "h") +
                labs(x = "epoch", y = "") + themeBW() + ggsize(1000, 60 + 200 * rows)
            if (log) p += org.jetbrains.letsPlot.scale.scaleYLog10()
            return FigureOut(id, title, caption, p)
        }
        val figures = listOf(
            overlay(network, "compare-training", "Training", "Loss and accuracy of both runs per epoch.", 2, false),
            overlay(collapse, "compare-collapse", "Collapse measures", "NC1, the ETF error of the class means and NC4 per layer (log scale).", 4, true),
        )
        val page = page(a, b, labelA, labelB, figures.map { it to Svg.render(it.figure, it.id) })
        return AtomicFolder.write(root, "compare-${a.name}-vs-${b.name}") { dir -> Files.writeString(dir.resolve("index.html"), page) }
    }

    private fun page(a: Run, b: Run, labelA: String, labelB: String, svgs: List<Pair<FigureOut, String>>): String = buildString {
        append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        append(escapeHtml("${a.name} vs ${b.name}")).append(" · netlens</title>\n<style>\n").append(HtmlReport.style)
        append("\n.add { background: #e6f4ea; } .del { background: #fce8e6; }\n</style>\n</head>\n<body>\n<main>\n")
        append("<h1>").append(escapeHtml("${a.name} vs ${b.name}")).append("</h1>\n")
        append("<p class=\"sub\">").append(escapeHtml("$labelA = ${a.folder}; $labelB = ${b.folder}")).append("</p>\n")
        append("<section id=\"script-diff\">\n<h2>Script differences</h2>\n<pre><code>")
        val diff = LineDiff.of(a.script.lines(), b.script.lines())
        if (a.script.isEmpty() || b.script.isEmpty()) append("(a report does not keep its script)\n")
        else if (diff.none { it.first != ' ' }) append("(the scripts are identical)\n")
        for ((op, line) in diff) {
            val cls = when (op) { '+' -> "add"; '-' -> "del"; else -> null }
            if (cls != null) append("<span class=\"").append(cls).append("\">")
            append(op).append(' ').append(escapeHtml(line))
            if (cls != null) append("</span>")
            append('\n')
        }
        append("</code></pre>\n</section>\n")
        append("<section id=\"final\">\n<h2>Final values</h2>\n<table>\n<tr><td>metric</td><td>A</td><td>B</td><td>B − A</td></tr>\n")
        val lastA = finals(a.rows)
        val lastB = finals(b.rows)
        for (key in (lastA.keys + lastB.keys).distinct()) {
            val va = lastA[key]
            val vb = lastB[key]
            append("<tr><td>").append(escapeHtml(key)).append("</td><td>").append(fmt(va)).append("</td><td>").append(fmt(vb))
                .append("</td><td>").append(if (va != null && vb != null) fmt(vb - va) else "").append("</td></tr>\n")
        }
        append("</table>\n</section>\n")
        for ((fig, svg) in svgs) {
            append("<section class=\"figure\" id=\"").append(fig.id).append("\">\n<h2>").append(escapeHtml(fig.title)).append("</h2>\n")
            append(svg).append("\n<p class=\"caption\">").append(escapeHtml(fig.caption)).append("</p>\n</section>\n")
        }
        append("</main>\n</body>\n</html>\n")
    }

    /** The value of each network metric, and of NC1 at each layer, at the last epoch it was measured. */
    private fun finals(rows: List<MetricsTable.Row>): Map<String, Double> =
        rows.filter { it.layer.isEmpty() || it.metric == "nc1" }
            .groupBy { if (it.layer.isEmpty()) it.metric else "${it.metric} · ${it.layer}" }
            .mapValues { (_, r) -> r.maxBy { it.epoch }.value }

    private fun fmt(v: Double?) = if (v == null) "" else String.format(Locale.ROOT, "%.4g", v)
}
