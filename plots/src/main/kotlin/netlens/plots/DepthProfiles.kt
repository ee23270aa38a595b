package netlens.plots

import java.util.Locale
import kotlin.math.log10
import org.jetbrains.letsPlot.facet.facetWrap
import org.jetbrains.letsPlot.geom.geomErrorBar
import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.scale.scaleLinetypeManual
import org.jetbrains.letsPlot.scale.scaleXContinuous
import org.jetbrains.letsPlot.themes.themeBW

/**
 * Measures against depth (layer index, 0 = input) at a few probe epochs ([epochs], nearest probed,
 * or the first, a middle and the last probe): one colour per epoch, dashed lines for held-out (test)
 * accuracies and for the He–Su fit of log D_l. Scalars measured by a script's own probes get a panel each.
 */
data class DepthProfiles(val epochs: List<Int>? = null) : Figure {
    override val id = "depth-profiles"
    override val call = "depthProfiles()"
    override val needs = listOf(Need(listOf("nc1", "id_twonn", "linear_probe_accuracy", Need.SCRIPTED), Where.ANY_LAYER,
        "neuralCollapse(), intrinsicDimension(), linearProbe() or a custom(…) probe"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        val picked = view.pickProbes(epochs)
        data class Series(val metric: String, val panel: String, val kind: String, val log: Boolean)
        val custom = customScalars(view)
        val series = listOf(
            Series(d.nc1.metric, "1. ${d.nc1.label} [log10]", "train", true),
            Series("separation_d", "2. He–Su D_l = Tr(Σ_W Σ_B⁺) [log10]", "train", true),
            Series("id_twonn", "3. intrinsic dimension (TwoNN)", "train", false),
            Series("ncc_accuracy", "4. nearest-class-centre accuracy", "train", false),
            Series("ncc_test_accuracy", "4. nearest-class-centre accuracy", "test", false),
            Series("linear_probe_accuracy", "5. linear-probe accuracy", "train", false),
            Series("linear_probe_test_accuracy", "5. linear-probe accuracy", "test", false),
            Series("effective_rank", "6. effective rank (participation ratio)", "train", false),
        ) + custom.mapIndexed { i, name -> Series(name, "${7 + i}. $name", "train", false) }
        val epochLabels = picked.map { "epoch ${it.epoch()}" }
        val layer = mutableListOf<Int>()
        val value = mutableListOf<Double>()
        val lo = mutableListOf<Double>()
        val hi = mutableListOf<Double>()
        val panel = mutableListOf<String>()
        val epoch = mutableListOf<String>()
        val kind = mutableListOf<String>()
        fun add(l: Int, v: Double, err: Double, p: String, e: String, k: String) {
            layer += l; value += v; lo += v - err; hi += v + err; panel += p; epoch += e; kind += k
        }
        for (probe in picked) {
            val label = "epoch ${probe.epoch()}"
            for (s in series) for (lp in view.layers) {
                val v = view.scalar(probe, lp.name(), s.metric) ?: continue
                if (v.isNaN() || (s.log && v <= 0)) continue
                val err = if (s.metric == "id_twonn") view.scalar(probe, lp.name(), "id_twonn_error") ?: 0.0 else 0.0
                add(lp.index(), if (s.log) log10(v) else v, err, s.panel, label, s.kind)
            }
            val slope = view.scalar(probe, "", "separation_slope")
            val intercept = view.scalar(probe, "", "separation_intercept")
            if (slope != null && intercept != null && !slope.isNaN()) {
                val hidden = view.layers.filter { it.index() > 0 && it.index() < view.penultimate + 1 }.map { it.index() }
                for (l in hidden) add(l, (intercept + slope * l) / Math.log(10.0), 0.0, series[1].panel, label, "fit")
            }
        }
        if (value.isEmpty()) return null
        val data = mapOf("layer" to layer, "value" to value, "lo" to lo, "hi" to hi, "measure" to panel, "epoch" to epoch, "kind" to kind)
        val panels = panel.toSet().size
        val ticks = view.layers.map { it.index() }
        val plot = letsPlot(data) +
            geomLine(size = 1.0) { x = "layer"; y = "value"; color = "epoch"; linetype = "kind" } +
            geomPoint(size = 2.0) { x = "layer"; y = "value"; color = "epoch" } +
            geomErrorBar(width = 0.15) { x = "layer"; ymin = "lo"; ymax = "hi"; color = "epoch" } +
            scaleColorManual(values = Palette.layers(epochLabels.size).reversed(), limits = epochLabels, name = "") +
            scaleLinetypeManual(values = listOf(1, 2, 3), limits = listOf("train", "test", "fit"), name = "") +
            scaleXContinuous(breaks = ticks, labels = view.layers.map { it.name() }) +
            facetWrap(facets = "measure", ncol = 3, scales = "free_y", order = 1) +
            labs(x = "layer", y = "") + themeBW() + ggsize(1050, 80 + 230 * ((panels + 2) / 3))
        val last = picked.last()
        val slope = view.scalar(last, "", "separation_slope")
        val fitNote = if (slope == null || slope.isNaN()) "" else String.format(Locale.ROOT,
            " At epoch %d the He–Su fit gives D shrinking by a factor %.3g per layer (slope %.3g, Pearson r = %.3f).",
            last.epoch(), view.scalar(last, "", "separation_ratio"), slope, view.scalar(last, "", "separation_pearson_r"))
        return FigureOut(
            id, "Depth profiles",
            "Each measure against depth at epochs ${picked.joinToString(", ") { it.epoch().toString() }}. Dashed: held-out test samples " +
                "(accuracies) or the least-squares line of log D_l over the hidden layers (dotted). Error bars: bootstrap standard error of " +
                "the TwoNN fit.$fitNote",
            plot,
        )
    }
}
