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
import org.jetbrains.letsPlot.scale.scaleYLog10
import org.jetbrains.letsPlot.themes.themeBW

/**
 * Two finished runs side by side, from their report folders: the line diff of their scripts, their
 * training curves and collapse measures overlaid (one colour per run), and a table of final values
 * with differences.
 */
class ComparePage(private val root: Path) {
    /** A finished report folder: its name, metrics and script, and whether its run was cut short. */
    class Report(val folder: Path) {
        val name: String = folder.fileName.toString()
        val rows: List<MetricsTable.Row> = MetricsTable.read(folder.resolve("metrics.csv"))
        val script: String = folder.resolve(ReportWriter.SCRIPT_COPY).let { if (Files.exists(it)) Files.readString(it) else "" }
        val partial: String? = folder.resolve("run.json").takeIf { Files.isRegularFile(it) && !ReportWriter.isComplete(folder) }?.let {
            Regex(""""status": "(?!completed)([a-z]+)"""").find(Files.readString(it))?.groupValues?.get(1) ?: "incomplete"
        }
    }

    fun write(a: Report, b: Report, p: Provenance): Path {
        fun mark(r: Report) = r.partial?.let { " (partial: $it)" } ?: ""
        val labelA = "A: ${a.name}${mark(a)}"
        val labelB = (if (a.name == b.name) "B: ${b.name} (${b.folder.parent?.fileName})" else "B: ${b.name}") + mark(b)
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
            var plot = letsPlot(data) + geomLine(size = 1.0) { x = "epoch"; y = "value"; color = "run" } + colours +
                facetWrap(facets = "panel", ncol = columns, scales = "free_y", order = 0, dir = "h") +
                labs(x = "epoch", y = "") + themeBW() + ggsize(1000, 60 + 200 * rows)
            if (log) plot += scaleYLog10()
            return FigureOut(id, title, caption, plot)
        }
        val figures = listOfNotNull(
            overlay(network, "compare-training", "Training", "Loss and accuracy of both runs per epoch.", 2, false),
            if (collapse["epoch"]!!.isEmpty()) null
            else overlay(collapse, "compare-collapse", "Collapse measures", "NC1, the ETF error of the class means and NC4 per layer (log scale).", 4, true),
        )
        val page = Page("${a.name} vs ${b.name}")
        page.subtitle = "$labelA = ${a.folder}; $labelB = ${b.folder}"
        val partial = listOf(a, b).filter { it.partial != null }
        if (partial.isNotEmpty()) page.banner = partial.joinToString("; ") { "${it.name} is a partial run (${it.partial})" } +
            ": its curves end where it stopped."
        val diff = LineDiff.of(a.script.lines(), b.script.lines())
        page += Page.Diff("script-diff", "Script differences", diff, when {
            a.script.isEmpty() || b.script.isEmpty() -> "(a report does not keep its script)"
            diff.none { it.first != ' ' } -> "(the scripts are identical)"
            else -> null
        })
        val lastA = finals(a.rows)
        val lastB = finals(b.rows)
        page += Page.Table("final", "Final values", listOf("metric", "A", "B", "B − A"), (lastA.keys + lastB.keys).distinct().map { key ->
            val va = lastA[key]
            val vb = lastB[key]
            listOf(key, fmt(va), fmt(vb), if (va != null && vb != null) fmt(vb - va) else "")
        })
        return AtomicFolder.write(root, "compare-${a.name}-vs-${b.name}") { dir ->
            for ((fig, svg) in ReportWriter.save(figures, dir)) page += Page.Figure(fig, svg)
            RunJson.write(dir, p, linkedMapOf("compared" to linkedMapOf("a" to a.folder.toString(), "b" to b.folder.toString())))
            Files.writeString(dir.resolve("index.html"), page.html(p))
        }
    }

    /** The value of each network metric, and of NC1 at each layer, at the last epoch it was measured. */
    private fun finals(rows: List<MetricsTable.Row>): Map<String, Double> =
        rows.filter { it.layer.isEmpty() || it.metric == "nc1" }
            .groupBy { if (it.layer.isEmpty()) it.metric else "${it.metric} · ${it.layer}" }
            .mapValues { (_, r) -> r.maxBy { it.epoch }.value }

    private fun fmt(v: Double?) = if (v == null) "" else String.format(Locale.ROOT, "%.4g", v)
}
