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
 * Measures against depth (layer index, 0 = input) at a few probe epochs: one colour per epoch,
 * dashed lines for held-out (test) accuracies and for the He–Su fit of log D_l.
 */
internal fun depthProfiles(view: ResultView, section: ReportSpec.DepthProfiles, nc1: ReportSpec.Nc1): FigureOut? {
    val picked = view.pickProbes(section.epochs)
    data class Series(val metric: String, val panel: String, val kind: String, val log: Boolean)
    val series = listOf(
        Series(nc1.metric, "1. ${nc1.label} [log10]", "train", true),
        Series("separation_d", "2. He–Su D_l = Tr(Σ_W Σ_B⁺) [log10]", "train", true),
        Series("id_twonn", "3. intrinsic dimension (TwoNN)", "train", false),
        Series("ncc_accuracy", "4. nearest-class-centre accuracy", "train", false),
        Series("ncc_test_accuracy", "4. nearest-class-centre accuracy", "test", false),
        Series("linear_probe_accuracy", "5. linear-probe accuracy", "train", false),
        Series("linear_probe_test_accuracy", "5. linear-probe accuracy", "test", false),
        Series("effective_rank", "6. effective rank (participation ratio)", "train", false),
    )
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
        for (s in series) for (lp in probe.layers()) {
            val v = lp.metrics()[s.metric] ?: continue
            if (v.isNaN() || (s.log && v <= 0)) continue
            val err = if (s.metric == "id_twonn") lp.metrics()["id_twonn_error"] ?: 0.0 else 0.0
            add(lp.layer(), if (s.log) log10(v) else v, err, s.panel, label, s.kind)
        }
        val fit = probe.separation()
        if (fit != null && !fit.slope().isNaN()) {
            val hidden = probe.layers().filter { it.layer() > 0 && it.layer() < view.penultimate + 1 }.map { it.layer() }
            for (l in hidden) add(l, (fit.intercept() + fit.slope() * l) / Math.log(10.0), 0.0, series[1].panel, label, "fit")
        }
    }
    if (value.isEmpty()) return null
    val data = mapOf("layer" to layer, "value" to value, "lo" to lo, "hi" to hi, "measure" to panel, "epoch" to epoch, "kind" to kind)
    val panels = panel.toSet().size
    val ticks = view.probes.first().layers().map { it.layer() }
    val plot = letsPlot(data) +
        geomLine(size = 1.0) { x = "layer"; y = "value"; color = "epoch"; linetype = "kind" } +
        geomPoint(size = 2.0) { x = "layer"; y = "value"; color = "epoch" } +
        geomErrorBar(width = 0.15) { x = "layer"; ymin = "lo"; ymax = "hi"; color = "epoch" } +
        scaleColorManual(values = Palette.layers(epochLabels.size).reversed(), limits = epochLabels, name = "") +
        scaleLinetypeManual(values = listOf(1, 2, 3), limits = listOf("train", "test", "fit"), name = "") +
        scaleXContinuous(breaks = ticks, labels = view.probes.first().layers().map { it.name() }) +
        facetWrap(facets = "measure", ncol = 3, scales = "free_y", order = 1) +
        labs(x = "layer", y = "") + themeBW() + ggsize(1050, 80 + 230 * ((panels + 2) / 3))
    val last = picked.last().separation()
    val fitNote = if (last == null || last.slope().isNaN()) "" else String.format(Locale.ROOT,
        " At epoch %d the He–Su fit gives D shrinking by a factor %.3g per layer (slope %.3g, Pearson r = %.3f).",
        picked.last().epoch(), last.ratio(), last.slope(), last.pearsonR())
    return FigureOut(
        "depth-profiles", "Depth profiles",
        "Each measure against depth at epochs ${picked.joinToString(", ") { it.epoch().toString() }}. Dashed: held-out test samples " +
            "(accuracies) or the least-squares line of log D_l over the hidden layers (dotted). Error bars: bootstrap standard error of " +
            "the TwoNN fit.$fitNote",
        plot,
    )
}
