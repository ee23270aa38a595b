package netlens.plots

import java.nio.file.Files
import java.nio.file.Path
import java.util.Locale
import netlens.kernel.Baseline
import netlens.observe.Measurement
import netlens.run.LearningCurve
import netlens.run.Series
import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.geom.geomLineRange
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.scale.scaleXLog10
import org.jetbrains.letsPlot.scale.scaleYLog10
import org.jetbrains.letsPlot.themes.themeBW

/**
 * The report of a sweep: learning curves (test error against p, log–log, mean ± standard error over
 * seeds) for the network in each setting and for each baseline, with fitted exponents β and their
 * confidence intervals beside the data model's predictions, the attractor count against p when
 * neurons were probed, kernel NC1 when kernels were studied, and every point in sweep.csv.
 */
internal object SweepPage {
    /** A learning curve: its series and its (p, test error) points over all seeds. */
    private class Curve(val series: Series, val p: DoubleArray, val error: DoubleArray, val predicted: Double) {
        val fit: LearningCurve = LearningCurve.fit(p, error)
    }

    fun write(dir: Path, name: String, points: List<Run>, p: Provenance, info: Map<String, Any?>, export: Export?) {
        val curves = curves(points)
        val figures = ReportWriter.save(listOfNotNull(learningCurves(curves), attractors(points), KernelCollapseSweep.figure(points)), dir, export)
        Files.writeString(dir.resolve("sweep.csv"), csv(points))
        RunJson.write(dir, p, linkedMapOf<String, Any?>(
            "experiment" to name,
            "points" to points.size,
            "fits" to curves.map { c ->
                linkedMapOf("series" to c.series.label(), "beta" to c.fit.beta(), "beta_low" to c.fit.betaLow(), "beta_high" to c.fit.betaHigh(),
                    "points" to c.fit.points(), "predicted" to c.predicted.takeIf { !it.isNaN() })
            },
        ) + info)
        val page = Page(name)
        page.subtitle = "${points.size} sweep points, ${points.count { it.results.complete() }} completed"
        val verdict = KernelCollapseSweep.verdict(points)
        if (verdict.isNotEmpty()) page += Page.Text("kernel-verdict", "The paper's claims (Kothapalli & Tirer 2024), checked", verdict, list = true)
        if (curves.isNotEmpty())
            page += Page.Table("exponents", "Exponents", listOf("series", "β (95 % CI)", "predicted β", "points"), curves.map { c ->
                val f = c.fit
                listOf(c.series.label(),
                    if (f.beta().isNaN()) "—" else String.format(Locale.ROOT, "%.3f (%.3f – %.3f)", f.beta(), f.betaLow(), f.betaHigh()),
                    if (c.predicted.isNaN()) "" else String.format(Locale.ROOT, "%.3f", c.predicted), f.points().toString())
            })
        for ((fig, svg) in figures) page += Page.Figure(fig, svg)
        page += Page.Details(emptyList(), "Every point is in sweep.csv; points are cached, so extending the sweep runs only the new ones.", p.scriptText)
        Files.writeString(dir.resolve("index.html"), page.html(p))
    }

    private fun testError(r: Run) = 1 - r.results.last().testAccuracy()

    /** Each baseline's test error at a point. */
    private fun baselines(r: Run): Map<Baseline, Double> =
        Baseline.values().mapNotNull { b ->
            (r.results.afterTraining().get("", "error_" + b.key()) as? Measurement.Scalar)?.let { b to it.value() }
        }.toMap()

    /** The network's curve per setting (axes other than p and seed), and each baseline's. */
    private fun curves(points: List<Run>): List<Curve> {
        val out = mutableListOf<Curve>()
        val data = points.firstOrNull()?.results?.experiment()?.data() ?: return out
        val groups = points.filter { it.axes.containsKey(Series.SIZE) }.groupBy { Series.settingOf(it.axes) }
        fun size(r: Run) = r.axes.getValue(Series.SIZE).toDouble()
        for ((setting, pts) in groups) {
            val network = Series.network(setting)
            out += Curve(network, pts.map(::size).toDoubleArray(), pts.map(::testError).toDoubleArray(), network.predictedExponent(data))
            for (b in pts.flatMap { baselines(it).keys }.distinct()) {
                // Only a kernel from the trained network differs between settings; the others are drawn once.
                if (!b.dependsOnTraining() && setting != groups.keys.first()) continue
                val with = pts.filter { baselines(it).containsKey(b) }
                val series = Series.of(b, setting)
                out += Curve(series, with.map(::size).toDoubleArray(), with.map { baselines(it).getValue(b) }.toDoubleArray(),
                    series.predictedExponent(data))
            }
        }
        return out
    }

    private fun learningCurves(curves: List<Curve>): FigureOut? {
        if (curves.isEmpty()) return null
        val means = Columns("p", "error", "low", "high", "series")
        val fits = Columns("p", "error", "series", "kind")
        for (c in curves) {
            val name = c.series.label()
            for ((p, errors) in c.p.indices.groupBy({ c.p[it] }, { c.error[it] }).toSortedMap()) {
                val mean = errors.average()
                val se = if (errors.size > 1) kotlin.math.sqrt(errors.sumOf { (it - mean) * (it - mean) } / (errors.size - 1) / errors.size) else 0.0
                if (mean > 0) means.add(p, mean, maxOf(mean - se, mean * 0.05), mean + se, name)
            }
            if (!c.fit.beta().isNaN()) for (p in listOf(c.p.min(), c.p.max())) fits.add(p, c.fit.at(p), name, "fit")
        }
        if (means.isEmpty()) return null
        val names = curves.map { it.series.label() }
        val sizes = curves.flatMap { it.p.toList() }.distinct().sorted()
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

    private fun attractors(points: List<Run>): FigureOut? {
        val rows = Columns("p", "attractors", "setting")
        for (pt in points) {
            val p = pt.axes[Series.SIZE]?.toDouble() ?: continue
            val last = pt.probes.lastOrNull() ?: continue
            val a = pt.scalar(last, "", "attractors") ?: continue
            rows.add(p, a, Series.network(Series.settingOf(pt.axes)).label())
        }
        if (rows.isEmpty()) return null
        val plot = letsPlot(rows.map) + geomPoint(size = 2.0, alpha = 0.7) { x = "p"; y = "attractors"; color = "setting" } +
            scaleXLog10(breaks = rows.map["p"]!!.distinct().map { it as Double }.sorted(), format = "d") + scaleYLog10() +
            labs(x = "training-set size p", y = "attractors A") + themeBW() + ggsize(760, 420)
        return FigureOut("attractors", "Attractors",
            "Number of groups of (kept) hidden neurons active on exactly the same training points, at the end of training, for every point.", plot)
    }

    /**
     * One row per point: its axes, how training ended, its final training metrics, the attractor
     * count, and every scalar measured after training (a kernel's as `<measure>_<kernel>`).
     */
    private fun csv(points: List<Run>): String = buildString {
        val axes = points.flatMap { it.axes.keys }.distinct()
        val after = linkedMapOf<String, Pair<String, String>>()
        for (pt in points) for (e in pt.results.afterTraining().entries())
            if (e.value() is Measurement.Scalar) after.putIfAbsent(if (e.subject().isEmpty()) e.name() else "${e.name()}_${e.subject()}", e.subject() to e.name())
        val columns = after.entries.groupBy { it.value.second }.values.flatten().map { it.key to it.value }   // grouped by measure
        append((axes + listOf("status", "test_error", "train_loss", "min_margin", "epochs", "flow_time", "seconds", "attractors") +
            columns.map { it.first }).joinToString(",")).append('\n')
        for (pt in points) {
            val r = pt.results
            val last = r.last()
            val attractors = r.probes().lastOrNull()?.measured()?.scalar("", "attractors") ?: Double.NaN
            val cells = axes.map { pt.axes[it] ?: "" } + listOf(r.outcome().status().name.lowercase(), testError(pt), last.trainLoss(), last.minMargin(),
                last.epoch(), last.time(), r.timings().loadSeconds() + r.timings().trainSeconds(), attractors) +
                columns.map { (_, key) -> (r.afterTraining().get(key.first, key.second) as? Measurement.Scalar)?.value() ?: "" }
            append(cells.joinToString(",") { Csv.cell(it) }).append('\n')
        }
    }
}
