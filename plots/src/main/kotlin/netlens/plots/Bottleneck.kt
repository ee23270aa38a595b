package netlens.plots

import java.util.Locale
import kotlin.math.hypot
import org.jetbrains.letsPlot.coord.coordFixed
import org.jetbrains.letsPlot.facet.facetGrid
import org.jetbrains.letsPlot.facet.facetWrap
import org.jetbrains.letsPlot.geom.extras.arrow
import org.jetbrains.letsPlot.geom.geomHistogram
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.geom.geomRect
import org.jetbrains.letsPlot.geom.geomSegment
import org.jetbrains.letsPlot.geom.geomVLine
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.intern.Plot
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorGradient
import org.jetbrains.letsPlot.themes.themeBW

// The figures of 2-D inputs and 2-unit layers (the spiralNet study), each side by side across variants.

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

private val bottleneckNeed = Need("activations", Where.HIDDEN_LAYER, "probe { embeddings() } and a hidden layer of 2 units, e.g. mlp(hidden = listOf(120, 80, 40, 2))")

/** The predicted class on the input plane (faint) under the training data. */
object DecisionRegions : Figure {
    override val id = "decision-regions"
    override val call = "decisionRegions()"
    override val needs = listOf(Need("decision_regions", Where.NETWORK, "probe { decisionRegions() } on 2-D inputs"))
    override val sideBySide = true

    override fun draw(d: Drawing): FigureOut? {
        val runs = d.runs
        // Each grid row becomes a few rectangles, one per stretch of equal predictions: far fewer SVG elements than tiles.
        val rects = Columns("xmin", "xmax", "ymin", "ymax", "class", "run")
        val points = Columns("x", "y", "class", "run")
        for (r in runs) {
            val p = r.probes.lastOrNull { it.measured().matrix("", "decision_regions") != null } ?: continue
            val regions = p.measured().matrix("", "decision_regions")
            val axis = p.measured().vector("", "decision_axis").values()
            val g = axis.size
            val half = (axis[g - 1] - axis[0]) / (g - 1) / 2
            fun at(ix: Int, iy: Int) = regions.get(iy, ix).toInt()
            for (iy in 0 until g) {
                var start = 0
                for (ix in 1..g) {
                    if (ix < g && at(ix, iy) == at(start, iy)) continue
                    rects.add(axis[start] - half, axis[ix - 1] + half, axis[iy] - half, axis[iy] + half, r.classNames[at(start, iy)], r.panel)
                    start = ix
                }
            }
            val input = r.matrix(p, "input", "activations") ?: continue
            for (i in r.subsample(300)) points.add(input.get(i, 0).toDouble(), input.get(i, 1).toDouble(), r.classNames[r.labels[i]], r.panel)
        }
        if (rects.isEmpty()) return null
        val names = classUnion(runs)
        val plot = (letsPlot(rects.map) +
            geomRect(alpha = 0.3, size = 0.0) { xmin = "xmin"; xmax = "xmax"; ymin = "ymin"; ymax = "ymax"; fill = "class" } +
            geomPoint(data = points.map, size = 1.3) { x = "x"; y = "y"; color = "class" } +
            Palette.classColour(names) + Palette.classFill(names) + coordFixed() +
            labs(x = "x₁", y = "x₂") + themeBW() + size(runs, 330)).perRun(runs)
        return FigureOut(id, "Decision regions",
            "The class the network predicts at each point of the input plane (faint), and the training data, after the last epoch.", plot)
    }
}

/** The 2-unit layer's activations at the end of training, with the square tanh maps into. */
object Bottleneck : Figure {
    override val id = "bottleneck"
    override val call = "bottleneck()"
    override val needs = listOf(bottleneckNeed)
    override val sideBySide = true

    override fun draw(d: Drawing): FigureOut? {
        val runs = d.runs
        val points = Columns("u", "v", "class", "run")
        val names = classUnion(runs)
        var layerName = ""
        for (r in runs) {
            val p = r.probes.lastOrNull() ?: continue
            val b = r.bottleneck(p) ?: continue
            layerName = b.name()
            val a = r.matrix(p, b.name(), "activations")!!
            for (i in r.subsample(300)) points.add(a.get(i, 0).toDouble(), a.get(i, 1).toDouble(), r.classNames[r.labels[i]], r.panel)
        }
        if (points.isEmpty()) return null
        val plot = (letsPlot(points.map) +
            geomRect(xmin = -1, xmax = 1, ymin = -1, ymax = 1, fill = "#ffffff", alpha = 0.0, color = "#999999", linetype = "dashed") +
            geomPoint(size = 1.3, alpha = 0.7) { x = "u"; y = "v"; color = "class" } +
            Palette.classColour(names) + coordFixed() +
            labs(x = "$layerName unit 1", y = "$layerName unit 2") + themeBW() + size(runs, 330)).perRun(runs, scales = "free")
        return FigureOut(id, "The 2-unit layer at the end",
            "Activations of the last 2-unit hidden layer for the training data. The dashed square is [−1, 1]², the range of tanh; " +
                "ReLU activations live in the positive quadrant.", plot)
    }
}

/** The 2-unit layer at up to [frames] probe epochs spread evenly over the probes: how training bends the data apart. */
data class BottleneckEvolution(val frames: Int = 6) : Figure {
    override val id = "bottleneck-evolution"
    override val call = "bottleneckEvolution()"
    override val needs = listOf(bottleneckNeed)
    override val sideBySide = true

    override fun draw(d: Drawing): FigureOut? {
        val runs = d.runs
        val points = Columns("u", "v", "class", "run", "frame")
        val names = classUnion(runs)
        var shown = 0
        for (r in runs) {
            val probes = r.probes.filter { r.bottleneck(it) != null }
            if (probes.isEmpty()) continue
            val picked = (0 until minOf(frames, probes.size)).map { i ->
                probes[if (frames == 1) probes.size - 1 else (i * (probes.size - 1) + (frames - 2)) / maxOf(1, frames - 1)]
            }.distinctBy { it.epoch() }
            shown = maxOf(shown, picked.size)
            val keep = r.subsample(150)
            picked.forEachIndexed { f, p ->
                val a = r.matrix(p, r.bottleneck(p)!!.name(), "activations")!!
                for (i in keep) points.add(a.get(i, 0).toDouble(), a.get(i, 1).toDouble(), r.classNames[r.labels[i]], r.panel,
                    "${(f + 1).toString().padStart(frames.toString().length, '0')}. epoch ${p.epoch()}")
            }
        }
        if (points.isEmpty()) return null
        val grid = if (runs.size > 1) facetGrid(x = "frame", y = "run", scales = "free", xOrder = 0, yOrder = 0)
                   else facetWrap(facets = "frame", ncol = minOf(6, shown), scales = "free", order = 0)
        val rows = if (runs.size > 1) runs.size else (shown + 5) / 6
        val plot = letsPlot(points.map) + geomPoint(size = 1.0, alpha = 0.7) { x = "u"; y = "v"; color = "class" } +
            Palette.classColour(names) + grid + labs(x = "unit 1", y = "unit 2") + themeBW() +
            ggsize(140 + 170 * minOf(6, shown), 60 + 170 * rows)
        return FigureOut(id, "The 2-unit layer during training",
            "The same training points in the 2-unit layer at probe epochs spread over training (each panel on its own scale).", plot)
    }
}

/** Arrows from input points towards where the input → 2-unit map sends them, coloured by distance. */
object VectorField : Figure {
    override val id = "vector-field"
    override val call = "vectorField()"
    override val needs = listOf(Need("field", Where.NETWORK, "probe { decisionRegions() } on 2-D inputs and a hidden layer of 2 units"))
    override val sideBySide = true

    override fun draw(d: Drawing): FigureOut? {
        val runs = d.runs
        val arrows = Columns("x", "y", "xend", "yend", "shift", "run")
        for (r in runs) {
            val p = r.probes.lastOrNull { it.measured().matrix("", "field") != null } ?: continue
            val field = p.measured().matrix("", "field")
            val axis = p.measured().vector("", "field_axis").values()
            val n = axis.size
            val step = (axis[n - 1] - axis[0]) / (n - 1)
            for (iy in 0 until n) for (ix in 0 until n) {
                val x = axis[ix]
                val y = axis[iy]
                val u = field.get(iy * n + ix, 0).toDouble()
                val v = field.get(iy * n + ix, 1).toDouble()
                val dist = hypot(u - x, v - y)
                val scale = if (dist > 0) 0.8 * step / dist else 0.0
                arrows.add(x, y, x + (u - x) * scale, y + (v - y) * scale, dist, r.panel)
            }
        }
        if (arrows.isEmpty()) return null
        val plot = (letsPlot(arrows.map) +
            geomSegment(arrow = arrow(length = 4, type = "closed"), size = 0.6) { x = "x"; y = "y"; xend = "xend"; yend = "yend"; color = "shift" } +
            scaleColorGradient(low = "#9ecae1", high = "#08306b", name = "‖f(x) − x‖") + coordFixed() +
            labs(x = "x₁", y = "x₂") + themeBW() + size(runs, 330)).perRun(runs)
        return FigureOut(id, "The map into the 2-unit layer",
            "At each grid point x of the input plane, an arrow towards f(x), the point's activations in the 2-unit layer (drawn in the same " +
                "plane; arrows have equal length, colour gives the distance ‖f(x) − x‖).", plot)
    }
}

/** Per-class angle histograms of the 2-unit layer's points, with circular means. */
object Angles : Figure {
    override val id = "angles"
    override val call = "angles()"
    override val needs = listOf(bottleneckNeed)
    override val sideBySide = true

    override fun draw(d: Drawing): FigureOut? {
        val runs = d.runs
        val rows = Columns("angle", "class", "run")
        val means = Columns("angle", "class", "run")
        val names = classUnion(runs)
        val notes = mutableListOf<String>()
        for (r in runs) {
            val p = r.probes.lastOrNull() ?: continue
            val b = r.bottleneck(p) ?: continue
            val a = r.matrix(p, b.name(), "activations")!!
            for (i in r.labels.indices) {
                val u = a.get(i, 0).toDouble()
                val v = a.get(i, 1).toDouble()
                if (u != 0.0 || v != 0.0) rows.add(Math.toDegrees(Math.atan2(v, u)), r.classNames[r.labels[i]], r.panel)
            }
            val own = r.classNames
            val mean = own.indices.map { r.scalar(p, b.name(), "angle_mean_class_$it") ?: Double.NaN }
            val std = own.indices.map { r.scalar(p, b.name(), "angle_std_class_$it") ?: Double.NaN }
            for (c in own.indices) if (!mean[c].isNaN()) means.add(Math.toDegrees(mean[c]), own[c], r.panel)
            notes += (if (r.label.isEmpty()) "" else "${r.label}: ") + own.indices.joinToString("; ") { c ->
                if (mean[c].isNaN()) "${own[c]} all at the origin"
                else String.format(Locale.ROOT, "%s %.0f° ± %.0f°", own[c], Math.toDegrees(mean[c]), Math.toDegrees(std[c]))
            }
        }
        if (rows.isEmpty()) return null
        val plot = (letsPlot(rows.map) +
            geomHistogram(binWidth = 5.0, alpha = 0.6, position = org.jetbrains.letsPlot.pos.positionIdentity) { x = "angle"; fill = "class" } +
            geomVLine(data = means.map, size = 1.0, linetype = "dashed") { xintercept = "angle"; color = "class" } +
            Palette.classColour(names) + Palette.classFill(names) +
            org.jetbrains.letsPlot.scale.scaleXContinuous(limits = -180 to 180, breaks = listOf(-180, -90, 0, 90, 180)) +
            labs(x = "angle of the 2-unit activation (degrees)", y = "samples") + themeBW() + size(runs, 330)).perRun(runs)
        return FigureOut(id, "Directions in the 2-unit layer",
            "Histogram of each training point's direction atan2(u₂, u₁) in the 2-unit layer at the end; dashed: circular means. " +
                "Circular mean ± circular standard deviation: " + notes.joinToString(" | ") + ". " +
                "With K classes, directions 360°/K apart pack the classes as far apart as the layer allows.", plot)
    }
}
