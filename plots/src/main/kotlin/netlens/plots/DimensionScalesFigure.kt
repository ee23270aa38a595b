package netlens.plots

import org.jetbrains.letsPlot.geom.geomHLine
import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.gggrid
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.scale.scaleXLog10
import org.jetbrains.letsPlot.themes.themeBW

/**
 * Each layer's intrinsic dimension against scale at the last probe: GRIDE against the mean
 * neighbour distance, and Levina–Bickel against the number of neighbours k, with TwoNN (dashed) where measured.
 */
object DimensionScalesFigure : Figure {
    override val id = "dimension-scales"
    override val call = "dimensionScales()"
    override val needs = listOf(Need("id_gride", Where.ANY_LAYER, "probe { intrinsicDimensionScales() }"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        val last = view.probes.lastOrNull { p -> view.layers.any { p.measured().table(it.name(), "id_gride") != null } } ?: return null
        val gride = Columns("scale", "dimension", "layer")
        val lb = Columns("k", "dimension", "layer")
        val twoNn = Columns("dimension", "layer")
        val names = mutableListOf<String>()
        for (lp in view.layers) {
            val g = last.measured().table(lp.name(), "id_gride") ?: continue
            names += lp.label()
            g.numbers("scale").zip(g.numbers("dimension")).forEach { (s, dim) -> if (s > 0 && dim.isFinite()) gride.add(s, dim, lp.label()) }
            last.measured().table(lp.name(), "id_levina_bickel_k")?.let { t ->
                t.numbers("k").zip(t.numbers("dimension")).forEach { (k, dim) -> if (dim.isFinite()) lb.add(k, dim, lp.label()) }
            }
            view.scalar(last, lp.name(), "id_mle")?.takeIf { it.isFinite() }?.let { twoNn.add(it, lp.label()) }
        }
        if (gride.isEmpty()) return null
        val colours = scaleColorManual(values = Palette.layers(names.size), limits = names, name = "layer")
        fun twoNnLines() = if (twoNn.isEmpty()) null else geomHLine(data = twoNn.map, linetype = "dashed", size = 0.6) { yintercept = "dimension"; color = "layer" }
        var left = letsPlot(gride.map) + geomLine(size = 1.0) { x = "scale"; y = "dimension"; color = "layer" } +
            geomPoint(size = 2.0) { x = "scale"; y = "dimension"; color = "layer" } + colours + scaleXLog10() +
            labs(title = "GRIDE: dimension against scale", x = "mean distance to the 2m-th neighbour", y = "intrinsic dimension") + themeBW()
        var right = letsPlot(lb.map) + geomLine(size = 1.0) { x = "k"; y = "dimension"; color = "layer" } + colours +
            labs(title = "Levina–Bickel against k", x = "neighbours k", y = "intrinsic dimension") + themeBW()
        twoNnLines()?.let { left += it; right += it }
        return FigureOut(id, "Intrinsic dimension across scales at epoch ${last.epoch()}",
            "Left: GRIDE (Denti et al. 2022), the maximum-likelihood dimension of the ratios of every point's 2m-th to m-th neighbour " +
                "distance for m = 1, 2, 4 …, placed at the mean 2m-th neighbour distance; a dimension that falls with scale points to noise " +
                "at small scales, one that rises to curvature. Right: Levina & Bickel's estimate from the k nearest neighbours " +
                "(pooled over points, MacKay & Ghahramani). Dashed: TwoNN's maximum-likelihood estimate, where measured.",
            gggrid(listOf(left, right), ncol = 2) + ggsize(1100, 420))
    }
}
