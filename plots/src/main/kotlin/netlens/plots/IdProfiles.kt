package netlens.plots

import org.jetbrains.letsPlot.geom.geomErrorBar
import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleLinetypeManual
import org.jetbrains.letsPlot.scale.scaleXContinuous
import org.jetbrains.letsPlot.themes.themeBW

/**
 * The intrinsic dimension (TwoNN) against depth at initialisation and after training, every run on
 * the same axes: the figure of Ansuini et al. 2019 (their Fig. 2, with its untrained and
 * random-label controls), read in the summary by [DimensionClaims].
 */
object IdProfiles : Figure {
    override val id = "id-profiles"
    override val call = "idProfiles()"
    override val needs = listOf(Need("id_twonn", Where.ANY_LAYER, "probe { intrinsicDimension() }"))
    override val sideBySide = true

    override fun draw(d: Drawing): FigureOut? {
        val rows = Columns("layer", "id", "lo", "hi", "run", "when")
        for (r in d.runs) for (profile in DimensionClaims.profiles(r)) for ((layer, id, err) in profile.points)
            rows.add(layer, id, id - err, id + err, r.label.ifEmpty { "network" }, profile.stage)
        if (rows.isEmpty()) return null
        val layers = d.runs.flatMap { it.layers }.distinctBy { it.index() }.sortedBy { it.index() }
        val plot = letsPlot(rows.map) +
            geomLine(size = 1.0) { x = "layer"; y = "id"; color = "run"; linetype = "when" } +
            geomPoint(size = 2.0) { x = "layer"; y = "id"; color = "run" } +
            geomErrorBar(width = 0.15) { x = "layer"; ymin = "lo"; ymax = "hi"; color = "run" } +
            scaleLinetypeManual(values = listOf(2, 1), limits = DimensionClaims.STAGES, name = "") +
            scaleXContinuous(breaks = layers.map { it.index() }, labels = layers.map { it.name() }) +
            labs(x = "layer", y = "intrinsic dimension (TwoNN)", color = "") + themeBW() + ggsize(760, 420)
        return FigureOut(id, "Intrinsic dimension across layers",
            "TwoNN intrinsic dimension of each layer's representation of the probe samples, at initialisation (dashed) and at the " +
                "last probe (solid); error bars: bootstrap standard error. Ansuini et al. (2019) find that in trained networks it first " +
                "rises and then falls over the last layers (a hunchback), and not at initialisation or with shuffled labels; " +
                "the summary says whether these runs show it.", plot)
    }
}
