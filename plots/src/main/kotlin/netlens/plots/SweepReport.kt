package netlens.plots

import java.nio.file.Files
import java.nio.file.Path
import java.util.Locale
import org.jetbrains.letsPlot.geom.geomLineRange
import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.scale.scaleLinetypeManual
import org.jetbrains.letsPlot.scale.scaleXLog10
import org.jetbrains.letsPlot.scale.scaleYLog10
import org.jetbrains.letsPlot.themes.themeBW
import netlens.run.LearningCurve
import netlens.run.SweepPoint

/**
 * The report of a sweep: learning curves (test error against p, log–log, mean ± standard error
 * over seeds) for the network in each setting and for each baseline, with fitted exponents β and
 * their confidence intervals beside any predicted values, the attractor count against p when
 * neurons were probed, and every point in sweep.csv.
 */
class SweepReport(private val root: Path) {
    /** A learning curve: its name and its (p, test error) points over all seeds. */
    private class Series(val name: String, val p: DoubleArray, val error: DoubleArray) {
        val fit = LearningCurve.fit(p, error)
    }

    fun write(name: String, points: List<SweepPoint>, provenance: Provenance, predicted: Map<String, Double>): Path =
        AtomicFolder.write(root, name) { dir ->
            val series = series(points)
            val figures = listOfNotNull(learningCurves(series), attractors(points), KernelCollapseSweep.figure(points)).map { it to Svg.render(it.figure, it.id) }
            Files.createDirectories(dir.resolve("figures"))
            for ((fig, svg) in figures) Files.writeString(dir.resolve("figures/${fig.id}.svg"), svg)
            Files.writeString(dir.resolve("sweep.csv"), csv(points))
            Files.writeString(dir.resolve(ReportWriter.SCRIPT_COPY), provenance.scriptText)
            Files.writeString(dir.resolve("run.json"), Json.write(linkedMapOf(
                "experiment" to name,
                "points" to points.size,
                "fits" to series.map { s ->
                    linkedMapOf("series" to s.name, "beta" to s.fit.beta(), "beta_low" to s.fit.betaLow(), "beta_high" to s.fit.betaHigh(),
                        "points" to s.fit.points(), "predicted" to predicted[s.name])
                },
                "script" to linkedMapOf("path" to provenance.scriptPath, "sha256" to provenance.scriptSha256, "text" to provenance.scriptText),
                "git" to provenance.gitCommit?.let { linkedMapOf("commit" to it, "dirty" to provenance.gitDirty) },
                "command" to provenance.commandLine,
                "netlens_version" to provenance.netlensVersion,
                "started_at" to provenance.startedAt,
            )) + "\n")
            Files.writeString(dir.resolve("index.html"), page(name, points, series, predicted, figures, provenance))
        }

    /** The network's curve per setting (axes other than p and seed), and each baseline's. */
    private fun series(points: List<SweepPoint>): List<Series> {
        fun setting(pt: SweepPoint) = pt.axes().filterKeys { it != "p" && it != "seed" }.entries.sortedBy { it.key }
            .joinToString(", ") { "${it.key}=${it.value}" }.ifEmpty { "network" }
        val out = mutableListOf<Series>()
        val groups = points.filter { it.axes().containsKey("p") }.groupBy(::setting)
        for ((group, pts) in groups) {
            out += Series(group, pts.map { it.axes()["p"]!!.toDouble() }.toDoubleArray(), pts.map { it.testError() }.toDoubleArray())
            for (key in pts.flatMap { it.baselines().keys }.distinct()) {
                // Only the NTK after training depends on the setting's training; the others are shown once.
                if (key != "svm_ntk_final" && group != groups.keys.first()) continue
                val with = pts.filter { it.baselines().containsKey(key) }
                val label = if (key == "svm_ntk_final") "$group · $key" else key
                out += Series(label, with.map { it.axes()["p"]!!.toDouble() }.toDoubleArray(), with.map { it.baselines()[key]!! }.toDoubleArray())
            }
        }
        return out
    }

    private fun learningCurves(series: List<Series>): FigureOut? {
        if (series.isEmpty()) return null
        val means = Columns("p", "error", "low", "high", "series")
        val fits = Columns("p", "error", "series", "kind")
        for (s in series) {
            for ((p, errors) in s.p.indices.groupBy({ s.p[it] }, { s.error[it] }).toSortedMap()) {
                val mean = errors.average()
                val se = if (errors.size > 1) kotlin.math.sqrt(errors.sumOf { (it - mean) * (it - mean) } / (errors.size - 1) / errors.size) else 0.0
                if (mean > 0) means.add(p, mean, maxOf(mean - se, mean * 0.05), mean + se, s.name)
            }
            if (!s.fit.beta().isNaN()) for (p in listOf(s.p.min(), s.p.max())) fits.add(p, s.fit.at(p), s.name, "fit")
        }
        if (means.isEmpty()) return null
        val names = series.map { it.name }
        val sizes = series.flatMap { it.p.toList() }.distinct().sorted()
        val plot = letsPlot(means.map) +
            geomLine(size = 1.0) { x = "p"; y = "error"; color = "series" } +
            geomPoint(size = 2.2) { x = "p"; y = "error"; color = "series" } +
            geomLineRange(size = 0.8) { x = "p"; ymin = "low"; ymax = "high"; color = "series" } +
            geomLine(data = fits.map, size = 0.8, linetype = "dashed") { x = "p"; y = "error"; color = "series" } +
            scaleColorManual(values = Palette.colours(names.size), limits = names, name = "") +
            scaleXLog10(breaks = sizes, limits = sizes.first() to sizes.last(), format = "d") + scaleYLog10() +
            labs(x = "training-set size p", y = "test error") + themeBW() + ggsize(900, 520)
        return FigureOut("learning-curves", "Learning curves",
            "Test error against p on log–log axes: mean over seeds with its standard error, and the fitted power law ε ∝ p^−β (dashed).", plot)
    }

    private fun attractors(points: List<SweepPoint>): FigureOut? {
        val rows = Columns("p", "attractors", "setting")
        for (pt in points) {
            val p = pt.axes()["p"]?.toDouble() ?: continue
            if (pt.attractors().isNaN()) continue
            rows.add(p, pt.attractors(), pt.axes().filterKeys { it != "p" && it != "seed" }.values.joinToString(", ").ifEmpty { "network" })
        }
        if (rows.isEmpty()) return null
        val plot = letsPlot(rows.map) + geomPoint(size = 2.0, alpha = 0.7) { x = "p"; y = "attractors"; color = "setting" } +
            scaleXLog10(breaks = rows.map["p"]!!.distinct().map { it as Double }.sorted(), format = "d") + scaleYLog10() +
            labs(x = "training-set size p", y = "attractors A") + themeBW() + ggsize(760, 420)
        return FigureOut("attractors", "Attractors",
            "Number of groups of (kept) hidden neurons active on exactly the same training points, at the end of training, for every point.", plot)
    }

    private fun csv(points: List<SweepPoint>): String = buildString {
        val axes = points.flatMap { it.axes().keys }.distinct()
        val baselines = points.flatMap { it.baselines().keys }.distinct()
        val kernels = points.flatMap { it.nc1().keys }.distinct()
        append((axes + listOf("status", "test_error", "train_loss", "min_margin", "epochs", "flow_time", "seconds", "attractors") +
            baselines.map { "error_$it" } + kernels.map { "nc1_$it" }).joinToString(",")).append('\n')
        for (pt in points) {
            val cells = axes.map { pt.axes()[it] ?: "" } + listOf(pt.status(), pt.testError().toString(), pt.trainLoss().toString(),
                pt.minMargin().toString(), pt.epochs().toString(), pt.time().toString(), pt.seconds().toString(), pt.attractors().toString()) +
                baselines.map { pt.baselines()[it]?.toString() ?: "" } + kernels.map { pt.nc1()[it]?.toString() ?: "" }
            append(cells.joinToString(",")).append('\n')
        }
    }

    private fun page(name: String, points: List<SweepPoint>, series: List<Series>, predicted: Map<String, Double>,
                     figures: List<Pair<FigureOut, String>>, p: Provenance): String = buildString {
        append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escapeHtml(name))
            .append(" · netlens</title>\n<style>\n").append(HtmlReport.style).append("\n</style>\n</head>\n<body>\n<main>\n")
        append("<h1>").append(escapeHtml(name)).append("</h1>\n<p class=\"sub\">").append(points.size).append(" sweep points, ")
            .append(points.count { it.completed() }).append(" completed</p>\n")
        val verdict = KernelCollapseSweep.verdict(points)
        if (verdict.isNotEmpty()) {
            append("<section id=\"kernel-verdict\">\n<h2>Kernel collapse</h2>\n<ul>\n")
            for (line in verdict) append("<li>").append(escapeHtml(line)).append("</li>\n")
            append("</ul>\n</section>\n")
        }
        if (series.isNotEmpty()) {
            append("<section id=\"exponents\">\n<h2>Exponents</h2>\n<table>\n<tr><td>series</td><td>β (95 % CI)</td><td>predicted β</td><td>points</td></tr>\n")
            for (s in series) {
                val f = s.fit
                append("<tr><td>").append(escapeHtml(s.name)).append("</td><td>")
                    .append(if (f.beta().isNaN()) "—" else String.format(Locale.ROOT, "%.3f (%.3f – %.3f)", f.beta(), f.betaLow(), f.betaHigh()))
                    .append("</td><td>").append(predicted[s.name]?.let { String.format(Locale.ROOT, "%.3f", it) } ?: "")
                    .append("</td><td>").append(f.points()).append("</td></tr>\n")
            }
            append("</table>\n</section>\n")
        }
        for ((fig, svg) in figures) {
            append("<section class=\"figure\" id=\"").append(fig.id).append("\">\n<h2>").append(escapeHtml(fig.title)).append("</h2>\n")
            append(svg).append("\n<p class=\"caption\">").append(escapeHtml(fig.caption)).append("</p>\n</section>\n")
        }
        append("<section id=\"run\">\n<h2>Run</h2>\n<p class=\"caption\">Every point is in sweep.csv; points are cached, so extending the sweep runs only the new ones.</p>\n")
        append("<details><summary>Script</summary>\n<pre><code>").append(escapeHtml(p.scriptText)).append("</code></pre>\n</details>\n</section>\n")
        append("<p class=\"sub\">netlens ").append(escapeHtml(p.netlensVersion)).append(" · ").append(escapeHtml(p.startedAt)).append("</p>\n")
        append("</main>\n</body>\n</html>\n")
    }
}
