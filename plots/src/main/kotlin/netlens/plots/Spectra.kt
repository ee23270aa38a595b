package netlens.plots

import java.util.Locale
import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.scale.scaleXLog10
import org.jetbrains.letsPlot.scale.scaleYLog10
import org.jetbrains.letsPlot.themes.themeBW

/** Each layer's PCA spectrum at the last probe, as fractions of its total variance, on log–log axes. */
object Spectra : Figure {
    override val id = "spectra"
    override val call = "spectra()"
    override val needs = listOf(Need("pca_spectrum", Where.ANY_LAYER, "probe { spectrum() }"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        val probe = view.probes.lastOrNull { p -> view.layers.any { p.measured().vector(it.name(), "pca_spectrum") != null } } ?: return null
        val index = mutableListOf<Int>()
        val fraction = mutableListOf<Double>()
        val layer = mutableListOf<String>()
        val names = mutableListOf<String>()
        for (lp in view.layers) {
            val s = probe.measured().vector(lp.name(), "pca_spectrum")?.values() ?: continue
            val name = String.format(Locale.ROOT, "%s (rank %.1f)", lp.label(), view.scalar(probe, lp.name(), "effective_rank") ?: Double.NaN)
            names += name
            // Below 1e-9 of the variance is rounding (dead units, or directions beyond a narrow layer's rank).
            for (i in s.indices) if (s[i] > 1e-9) { index += i + 1; fraction += s[i]; layer += name }
        }
        val plot = letsPlot(mapOf("index" to index, "fraction" to fraction, "layer" to layer)) +
            geomLine(size = 1.0) { x = "index"; y = "fraction"; color = "layer" } +
            scaleColorManual(values = Palette.layers(names.size), limits = names, name = "layer (effective rank)") +
            scaleXLog10() + scaleYLog10() + labs(x = "principal component", y = "fraction of variance") + themeBW() + ggsize(820, 420)
        return FigureOut(
            id, "PCA spectra at epoch ${probe.epoch()}",
            "The leading eigenvalues of each layer's feature covariance as fractions of its total variance. The effective rank is the " +
                "participation ratio (Σλ)²/Σλ²; metrics.csv also has the entropy rank exp(−Σ p log p). A collapsed layer concentrates its " +
                "variance in about K − 1 directions.",
            plot,
        )
    }
}
