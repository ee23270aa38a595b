package netlens.plots

import java.util.Locale
import org.jetbrains.letsPlot.facet.facetWrap
import org.jetbrains.letsPlot.geom.geomText
import org.jetbrains.letsPlot.geom.geomTile
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleFillGradient2
import org.jetbrains.letsPlot.themes.themeBW

/** Linear, debiased linear and RBF CKA between every two layers at the last probe, side by side. */
object CkaVariantsFigure : Figure {
    override val id = "cka-variants"
    override val call = "ckaVariants()"
    override val needs = listOf(Need("cka_variants", Where.NETWORK, "probe { ckaVariants() }"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        val last = view.probes.lastOrNull { it.measured().table("", "cka_variants") != null } ?: return null
        val t = last.measured().table("", "cka_variants")
        val a = t.texts("layer_a")
        val b = t.texts("layer_b")
        val rows = Columns("a", "b", "cka", "text", "estimator")
        val estimators = listOf("linear" to "1. linear", "debiased" to "2. linear, unbiased HSIC", "rbf" to "3. RBF")
        for ((column, panel) in estimators) {
            val v = t.numbers(column)
            for (i in v.indices) for ((x, y) in listOf(a[i] to b[i], b[i] to a[i]).distinct())
                rows.add(x, y, v[i], String.format(Locale.ROOT, "%.2f", v[i]), panel)
        }
        val names = view.layers.map { it.name() }
        val plot = letsPlot(rows.map) +
            geomTile { x = "a"; y = "b"; fill = "cka" } +
            geomText(size = 6, color = "#555555") { x = "a"; y = "b"; label = "text" } +
            scaleFillGradient2(low = "#b2182b", mid = "#f7f7f7", high = "#08306b", midpoint = 0.0, limits = -1.0 to 1.0, name = "CKA") +
            org.jetbrains.letsPlot.scale.scaleXDiscrete(limits = names) + org.jetbrains.letsPlot.scale.scaleYDiscrete(limits = names) +
            facetWrap(facets = "estimator", ncol = 3, order = 1) + labs(x = "", y = "") + themeBW() + ggsize(1100, 420)
        val bandwidth = view.results.experiment().observables().filterIsInstance<netlens.observables.CkaVariants>().firstOrNull()?.bandwidth()
        return FigureOut(id, "CKA three ways at epoch ${last.epoch()}",
            "Centred kernel alignment between every two layers on the same probe samples: linear CKA (Kornblith et al. 2019); " +
                "linear CKA with the unbiased HSIC (Song et al. 2012), which does not make unrelated wide representations look similar " +
                "when samples are few, and may go slightly below 0; and CKA with an RBF kernel of bandwidth $bandwidth × the median " +
                "distance between samples, which weighs local neighbourhoods over global shape.", plot)
    }
}
