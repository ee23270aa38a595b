package netlens.plots

import java.util.Locale
import kotlin.math.hypot
import org.jetbrains.letsPlot.coord.coordFixed
import org.jetbrains.letsPlot.facet.facetGrid
import org.jetbrains.letsPlot.facet.facetWrap
import org.jetbrains.letsPlot.geom.geomHistogram
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.geom.geomRect
import org.jetbrains.letsPlot.geom.geomSegment
import org.jetbrains.letsPlot.geom.geomTile
import org.jetbrains.letsPlot.geom.geomVLine
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.geom.extras.arrow
import org.jetbrains.letsPlot.intern.Plot
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorGradient
import org.jetbrains.letsPlot.themes.themeBW
import netlens.probe.LayerProbe
import netlens.probe.ProbeResult

/** One run among variants (label "" for an experiment without variants). */
internal class Run(val label: String, val view: ResultView) {
    /** The facet label: the run's number and label, so panels sort into declaration order. */
    var panel: String = label
        private set

    companion object {
        fun numbered(runs: List<Run>): List<Run> {
            val width = runs.size.toString().length
            runs.forEachIndexed { i, r -> if (runs.size > 1) r.panel = "${(i + 1).toString().padStart(width, '0')} · ${r.label}" }
            return runs
        }
    }
}

/** Class names across runs, in order: variants may differ in their number of classes. */
internal fun classUnion(runs: List<Run>): List<String> = runs.flatMap { it.view.classNames }.distinct()

/** The last hidden layer with exactly two units, in a probe (null if the network has none). */
internal fun bottleneckOf(p: ProbeResult): LayerProbe? =
    p.layers().lastOrNull { it.width() == 2 && it.raw() != null && it.layer() > 0 && it.layer() < p.layers().maxOf { l -> l.layer() } }

private fun panelWidth(runs: List<Run>) = minOf(4, runs.size)

/**
 * One panel per run when there are several, in declaration order (Lets-Plot sorts facet labels, so
 * each label starts with the run's number; see [Run.panel]).
 */
private fun Plot.perRun(runs: List<Run>, scales: String = "fixed"): Plot =
    if (runs.size > 1) this + facetWrap(facets = "run", ncol = panelWidth(runs), scales = scales, order = 1) else this

private fun size(runs: List<Run>, each: Int): org.jetbrains.letsPlot.intern.OptionsMap {
    val cols = panelWidth(runs)
    val rows = (runs.size + cols - 1) / cols
    return ggsize(120 + each * cols, 60 + each * rows)
}

/** The predicted class on the input plane (faint) under the training data. */
internal fun decisionRegions(runs: List<Run>): FigureOut? {
    // Each grid row becomes a few rectangles, one per stretch of equal predictions: far fewer SVG elements than tiles.
    val rects = Columns("xmin", "xmax", "ymin", "ymax", "class", "run")
    val points = Columns("x", "y", "class", "run")
    for (r in runs) {
        val p = r.view.probes.lastOrNull { it.inputMap() != null } ?: continue
        val map = p.inputMap()
        val g = map.resolution()
        val half = (map.max() - map.min()) / (g - 1) / 2
        for (iy in 0 until g) {
            var start = 0
            for (ix in 1..g) {
                if (ix < g && map.predicted()[iy * g + ix] == map.predicted()[iy * g + start]) continue
                rects.add(map.coordinate(start, g) - half, map.coordinate(ix - 1, g) + half, map.coordinate(iy, g) - half,
                    map.coordinate(iy, g) + half, r.view.classNames[map.predicted()[iy * g + start]], r.panel)
                start = ix
            }
        }
        val input = p.layer(0)?.raw() ?: continue
        for (i in r.view.subsample(300)) points.add(input[2 * i].toDouble(), input[2 * i + 1].toDouble(), r.view.classNames[r.view.labels[i]], r.panel)
    }
    if (rects.isEmpty()) return null
    val names = classUnion(runs)
    val plot = (letsPlot(rects.map) +
        geomRect(alpha = 0.3, size = 0.0) { xmin = "xmin"; xmax = "xmax"; ymin = "ymin"; ymax = "ymax"; fill = "class" } +
        geomPoint(data = points.map, size = 1.3) { x = "x"; y = "y"; color = "class" } +
        Palette.classColour(names) + Palette.classFill(names) + coordFixed() +
        labs(x = "x₁", y = "x₂") + themeBW() + size(runs, 330)).perRun(runs)
    return FigureOut("decision-regions", "Decision regions",
        "The class the network predicts at each point of the input plane (faint), and the training data, after the last epoch.", plot)
}

/** The 2-unit layer's activations at the end of training, with the square tanh maps into. */
internal fun bottleneck(runs: List<Run>): FigureOut? {
    val points = Columns("u", "v", "class", "run")
    val names = classUnion(runs)
    var layerName = ""
    for (r in runs) {
        val p = r.view.probes.lastOrNull() ?: continue
        val b = bottleneckOf(p) ?: continue
        layerName = b.name()
        for (i in r.view.subsample(300))
            points.add(b.raw()[2 * i].toDouble(), b.raw()[2 * i + 1].toDouble(), r.view.classNames[r.view.labels[i]], r.panel)
    }
    if (points.isEmpty()) return null
    val plot = (letsPlot(points.map) +
        geomRect(xmin = -1, xmax = 1, ymin = -1, ymax = 1, fill = "#ffffff", alpha = 0.0, color = "#999999", linetype = "dashed") +
        geomPoint(size = 1.3, alpha = 0.7) { x = "u"; y = "v"; color = "class" } +
        Palette.classColour(names) + coordFixed() +
        labs(x = "$layerName unit 1", y = "$layerName unit 2") + themeBW() + size(runs, 330)).perRun(runs, scales = "free")
    return FigureOut("bottleneck", "The 2-unit layer at the end",
        "Activations of the last 2-unit hidden layer for the training data. The dashed square is [−1, 1]², the range of tanh; " +
            "ReLU activations live in the positive quadrant.", plot)
}

/** The 2-unit layer at a few epochs: how training bends the data apart. */
internal fun bottleneckEvolution(runs: List<Run>, section: ReportSpec.BottleneckEvolution): FigureOut? {
    val points = Columns("u", "v", "class", "run", "frame")
    val names = classUnion(runs)
    var frames = 0
    for (r in runs) {
        val probes = r.view.probes.filter { bottleneckOf(it) != null }
        if (probes.isEmpty()) continue
        val picked = (0 until minOf(section.frames, probes.size)).map { i ->
            probes[if (section.frames == 1) probes.size - 1 else (i * (probes.size - 1) + (section.frames - 2)) / maxOf(1, section.frames - 1)]
        }.distinctBy { it.epoch() }
        frames = maxOf(frames, picked.size)
        val keep = r.view.subsample(150)
        picked.forEachIndexed { f, p ->
            val b = bottleneckOf(p)!!
            for (i in keep) points.add(b.raw()[2 * i].toDouble(), b.raw()[2 * i + 1].toDouble(), r.view.classNames[r.view.labels[i]], r.panel,
                "${(f + 1).toString().padStart(section.frames.toString().length, '0')}. epoch ${p.epoch()}")
        }
    }
    if (points.isEmpty()) return null
    val grid = if (runs.size > 1) facetGrid(x = "frame", y = "run", scales = "free", xOrder = 0, yOrder = 0)
               else facetWrap(facets = "frame", ncol = minOf(6, frames), scales = "free", order = 0)
    val rows = if (runs.size > 1) runs.size else (frames + 5) / 6
    val plot = letsPlot(points.map) + geomPoint(size = 1.0, alpha = 0.7) { x = "u"; y = "v"; color = "class" } +
        Palette.classColour(names) + grid + labs(x = "unit 1", y = "unit 2") + themeBW() +
        ggsize(140 + 170 * minOf(6, frames), 60 + 170 * rows)
    return FigureOut("bottleneck-evolution", "The 2-unit layer during training",
        "The same training points in the 2-unit layer at probe epochs spread over training (each panel on its own scale).", plot)
}

/** Arrows from input points towards where the input → 2-unit map sends them, coloured by distance. */
internal fun vectorField(runs: List<Run>): FigureOut? {
    val arrows = Columns("x", "y", "xend", "yend", "shift", "run")
    for (r in runs) {
        val p = r.view.probes.lastOrNull { it.inputMap()?.field() != null } ?: continue
        val map = p.inputMap()
        val n = map.fieldResolution()
        val step = (map.max() - map.min()) / (n - 1)
        for (iy in 0 until n) for (ix in 0 until n) {
            val x = map.coordinate(ix, n)
            val y = map.coordinate(iy, n)
            val u = map.field()[2 * (iy * n + ix)].toDouble()
            val v = map.field()[2 * (iy * n + ix) + 1].toDouble()
            val d = hypot(u - x, v - y)
            val scale = if (d > 0) 0.8 * step / d else 0.0
            arrows.add(x, y, x + (u - x) * scale, y + (v - y) * scale, d, r.panel)
        }
    }
    if (arrows.isEmpty()) return null
    val plot = (letsPlot(arrows.map) +
        geomSegment(arrow = arrow(length = 4, type = "closed"), size = 0.6) { x = "x"; y = "y"; xend = "xend"; yend = "yend"; color = "shift" } +
        scaleColorGradient(low = "#9ecae1", high = "#08306b", name = "‖f(x) − x‖") + coordFixed() +
        labs(x = "x₁", y = "x₂") + themeBW() + size(runs, 330)).perRun(runs)
    return FigureOut("vector-field", "The map into the 2-unit layer",
        "At each grid point x of the input plane, an arrow towards f(x), the point's activations in the 2-unit layer (drawn in the same " +
            "plane; arrows have equal length, colour gives the distance ‖f(x) − x‖).", plot)
}

/** Per-class angle histograms of the 2-unit layer's points, with circular means. */
internal fun angles(runs: List<Run>): FigureOut? {
    val rows = Columns("angle", "class", "run")
    val means = Columns("angle", "class", "run")
    val names = classUnion(runs)
    val notes = mutableListOf<String>()
    for (r in runs) {
        val b = r.view.probes.lastOrNull()?.let { bottleneckOf(it) } ?: continue
        for (i in r.view.labels.indices) {
            val u = b.raw()[2 * i].toDouble()
            val v = b.raw()[2 * i + 1].toDouble()
            if (u != 0.0 || v != 0.0) rows.add(Math.toDegrees(Math.atan2(v, u)), r.view.classNames[r.view.labels[i]], r.panel)
        }
        val stats = b.angles()
        val own = r.view.classNames
        for (c in own.indices) if (!stats.mean()[c].isNaN()) means.add(Math.toDegrees(stats.mean()[c]), own[c], r.panel)
        notes += (if (r.label.isEmpty()) "" else "${r.label}: ") + own.indices.joinToString("; ") { c ->
            if (stats.mean()[c].isNaN()) "${own[c]} all at the origin"
            else String.format(Locale.ROOT, "%s %.0f° ± %.0f°", own[c], Math.toDegrees(stats.mean()[c]), Math.toDegrees(stats.std()[c]))
        }
    }
    if (rows.isEmpty()) return null
    val plot = (letsPlot(rows.map) +
        geomHistogram(binWidth = 5.0, alpha = 0.6, position = org.jetbrains.letsPlot.pos.positionIdentity) { x = "angle"; fill = "class" } +
        geomVLine(data = means.map, size = 1.0, linetype = "dashed") { xintercept = "angle"; color = "class" } +
        Palette.classColour(names) + Palette.classFill(names) +
        org.jetbrains.letsPlot.scale.scaleXContinuous(limits = -180 to 180, breaks = listOf(-180, -90, 0, 90, 180)) +
        labs(x = "angle of the 2-unit activation (degrees)", y = "samples") + themeBW() + size(runs, 330)).perRun(runs)
    return FigureOut("angles", "Directions in the 2-unit layer",
        "Histogram of each training point's direction atan2(u₂, u₁) in the 2-unit layer at the end; dashed: circular means. " +
            "Circular mean ± circular standard deviation: " + notes.joinToString(" | ") + ". " +
            "With K classes, directions 360°/K apart pack the classes as far apart as the layer allows.", plot)
}

/** Named columns for a Lets-Plot data frame, filled row by row. */
internal class Columns(vararg names: String) {
    private val cols = names.associateWith { mutableListOf<Any>() }
    val map: Map<String, List<Any>> get() = cols

    fun add(vararg values: Any) {
        cols.values.zip(values.toList()).forEach { (c, v) -> c += v }
    }

    fun isEmpty() = cols.values.first().isEmpty()
}
