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

/** NC1 as Tr(Σ_W Σ_B⁺)/K and as the trace ratio Tr Σ_W / Tr Σ_B against epoch, a panel per measure, a line per layer. */
object Nc1TwoWaysFigure : Figure {
    override val id = "nc1-two-ways"
    override val call = "nc1TwoWays()"
    override val needs = listOf(Need("nc1_trace_ratio", Where.ANY_LAYER, "probe { neuralCollapse() }"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        val layers = view.layers.filter { it.index() != 0 }
        val names = layers.map { it.label() }
        val rows = Columns("epoch", "value", "layer", "measure")
        for ((metric, title) in listOf("nc1" to "1. Tr(Σ_W Σ_B⁺)/K  [log10]", "nc1_trace_ratio" to "2. Tr Σ_W / Tr Σ_B  [log10]"))
            for (p in view.probes) for (lp in layers) {
                val v = view.scalar(p, lp.name(), metric) ?: continue
                if (v > 0) rows.add(p.epoch(), log10(v), lp.label(), title)
            }
        if (rows.isEmpty()) return null
        val plot = letsPlot(rows.map) + geomLine(size = 1.0) { x = "epoch"; y = "value"; color = "layer" } +
            geomPoint(size = 1.5) { x = "epoch"; y = "value"; color = "layer" } +
            scaleColorManual(values = Palette.layers(names.size), limits = names, name = "layer") +
            facetWrap(facets = "measure", ncol = 2, scales = "free_y", order = 1) + labs(x = "epoch", y = "") + themeBW() + ggsize(1000, 380)
        return FigureOut(id, "NC1 two ways",
            "NC1 as Papyan et al. define it, Tr(Σ_W Σ_B⁺)/K, weighs the within-class spread only along the directions the class means " +
                "span (K − 1 of them; one for two classes), while the trace ratio Tr Σ_W / Tr Σ_B of Tirer et al. and of Kothapalli & Tirer's " +
                "kernel NC1 weighs it in every direction. Where the two fall together, the spread shrinks in every direction; where only " +
                "the first falls, it shrinks only along the means.", plot)
    }
}
