package netlens.plots

import netlens.observables.Custom
import netlens.observe.Measurement
import org.jetbrains.letsPlot.facet.facetWrap
import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.themes.themeBW

/** The names of a run's script-written probes that measured scalars. */
internal fun customScalars(run: Run): List<String> =
    run.results.experiment().observables().filterIsInstance<Custom>().map { it.name() }
        .filter { name -> run.probes.any { p -> p.measured().entries().any { it.name() == name && it.value() is Measurement.Scalar } } }

/** Each scalar a script's own probes measure, against epoch, one line per layer: the over-training view the built-in collapse measures get. */
object CustomCurves : Figure {
    override val id = "custom-curves"
    override val call = "customCurves()"
    override val needs = listOf(Need(Need.SCRIPTED, Where.ANY_LAYER, "a custom(…) probe"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        val names = customScalars(view)
        if (names.isEmpty()) return null
        val layerNames = view.layers.map { it.label() }
        val rows = Columns("epoch", "value", "layer", "measure")
        for ((i, name) in names.withIndex()) for (probe in view.probes) for (lp in view.layers) {
            val v = view.scalar(probe, lp.name(), name) ?: continue
            if (v.isFinite()) rows.add(probe.epoch(), v, lp.label(), "${i + 1}. $name")
        }
        if (rows.isEmpty()) return null
        val plot = letsPlot(rows.map) +
            geomLine(size = 1.0) { x = "epoch"; y = "value"; color = "layer" } +
            geomPoint(size = 1.5) { x = "epoch"; y = "value"; color = "layer" } +
            scaleColorManual(values = Palette.layers(layerNames.size), limits = layerNames, name = "layer") +
            facetWrap(facets = "measure", ncol = minOf(3, names.size), scales = "free_y", order = 1) +
            labs(x = "epoch", y = "") + themeBW() + ggsize(1000, 80 + 300 * ((names.size + 2) / 3))
        return FigureOut(id, "Script probes over training",
            "What the script's own probes measured at each probed layer and epoch (${names.joinToString(", ")}); every value is in metrics.csv.",
            plot)
    }
}
