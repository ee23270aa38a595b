package netlens.plots

import kotlin.math.log10
import org.jetbrains.letsPlot.facet.facetWrap
import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.themes.themeBW

/**
 * NC1–NC4 against epoch, one panel per measure and one line per layer (the input, whose features
 * never change, is left out). Measures that decay towards zero are drawn as log10. NC3 concerns the
 * classifier and its input only.
 */
object CollapseCurves : Figure {
    override val id = "collapse-curves"
    override val call = "collapseCurves()"
    override val needs = listOf(Need("nc1", Where.ANY_LAYER, "probe { neuralCollapse() }"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        data class Panel(val metric: String, val title: String, val log: Boolean, val onlyPenultimate: Boolean = false)
        // Numbered titles: Lets-Plot sorts facet labels, and the order NC1 → NC4 matters.
        val panels = listOf(
            Panel(d.nc1.metric, "1. ${d.nc1.label}  [log10]", true),
            Panel("nc2_etf_error", "2. NC2: ETF error of the means  [log10]", true),
            Panel("nc2_equinorm", "3. NC2: std/mean of mean norms  [log10]", true),
            Panel("nc3", "4. NC3: classifier vs means  [log10]", true, onlyPenultimate = true),
            Panel("nc4", "5. NC4: NCC ≠ network (fraction)", false),
            Panel("ncc_accuracy", "6. NCC accuracy (train)", false),
        )
        val layers = view.layers.filter { it.index() != 0 }
        val layerNames = layers.map { it.label() }
        val epoch = mutableListOf<Int>()
        val value = mutableListOf<Double>()
        val layer = mutableListOf<String>()
        val panel = mutableListOf<String>()
        for (p in panels) for (probe in view.probes) for (lp in layers) {
            if (p.onlyPenultimate && lp.index() != view.penultimate) continue
            val v = view.scalar(probe, lp.name(), p.metric) ?: continue
            if (v.isNaN() || (p.log && v <= 0)) continue
            epoch += probe.epoch(); value += if (p.log) log10(v) else v; layer += lp.label(); panel += p.title
        }
        if (value.isEmpty()) return null
        val data = mapOf("epoch" to epoch, "value" to value, "layer" to layer, "measure" to panel)
        val plot = letsPlot(data) +
            geomLine(size = 1.0) { x = "epoch"; y = "value"; color = "layer" } +
            geomPoint(size = 1.5) { x = "epoch"; y = "value"; color = "layer" } +
            scaleColorManual(values = Palette.layers(layerNames.size), limits = layerNames, name = "layer") +
            facetWrap(facets = "measure", ncol = 3, scales = "free_y", order = 1) +
            labs(x = "epoch", y = "") + themeBW() + ggsize(1000, 560)
        return FigureOut(
            id, "Neural collapse over training",
            "Each line is a layer (light = shallow, dark = deep). NC1 falls towards zero as each class shrinks to its mean; " +
                "the ETF error and norm spread fall as the means form a simplex equiangular tight frame; NC3 compares the last " +
                "layer's weights with the centred means of its input; NC4 is the share of samples the nearest-class-centre rule " +
                "labels differently from the network.",
            plot,
        )
    }
}
