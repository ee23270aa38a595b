package netlens.plots

import java.util.Locale
import kotlin.math.acos
import netlens.train.Trainer

/** The collapse verdict in numbers, as sentences for the report's summary. */
internal object Verdict {
    /** Thresholds for calling the penultimate layer collapsed; stated in the report next to the verdict. */
    const val NC1_COLLAPSED = 0.05
    const val ETF_COLLAPSED = 0.1
    const val NC4_COLLAPSED = 0.01

    fun sentences(view: Run, nc1: ReportSpec.Nc1): List<String> {
        val r = view.results
        val out = mutableListOf<String>()
        val last = r.last()
        val status = when (r.outcome().status()) {
            Trainer.Status.COMPLETED -> r.outcome().message().replaceFirstChar { it.uppercase() } + "."
            Trainer.Status.DIVERGED -> "Training diverged: ${r.outcome().message()}. This report shows what was measured before."
            Trainer.Status.INTERRUPTED -> "Training was interrupted (${r.outcome().message()}). This report shows what was measured before."
            null -> ""
        }
        out += status + f(" After epoch %d: train accuracy %.2f%%, test accuracy %s.", last.epoch(), 100 * last.trainAccuracy(),
            if (last.testAccuracy().isNaN()) "n/a" else f("%.2f%%", 100 * last.testAccuracy()))
        for (w in r.warnings()) out += "Warning: $w."
        val probes = view.probes
        if (probes.isEmpty()) return out
        val layer = view.layer(view.penultimate) ?: return out
        val name = layer.label()
        val first = probes.first()
        val final = probes.last()
        fun at(p: netlens.observe.ProbeRecord, metric: String) = view.scalar(p, layer.name(), metric)
        val nc1Last = at(final, "nc1") ?: return out
        val nc1First = at(first, "nc1")
        out += if (nc1First != null && probes.size > 1)
            f("NC1 at the penultimate layer %s fell from %.3g (epoch %d) to %.3g (epoch %d), %.0f× smaller.",
                name, nc1First, first.epoch(), nc1Last, final.epoch(), nc1First / nc1Last)
        else f("NC1 at the penultimate layer %s is %.3g at epoch %d.", name, nc1Last, final.epoch())
        if (nc1 != ReportSpec.Nc1.TRACE) at(final, nc1.metric)?.let { out += f("%s at the penultimate layer: %.3g (epoch %d).", nc1.label, it, final.epoch()) }
        val k = view.classNames.size
        val cosines = view.matrix(final, layer.name(), "class_mean_cosines")
        val etfError = at(final, "nc2_etf_error") ?: Double.NaN
        if (cosines != null) {
            val target = Math.toDegrees(acos(-1.0 / (k - 1)))
            val angles = mutableListOf<Double>()
            for (a in 0 until k) for (b in a + 1 until k) angles += Math.toDegrees(acos(cosines.get(a, b).toDouble().coerceIn(-1.0, 1.0)))
            out += f("Angles between centred class means range over %.1f°–%.1f° (simplex ETF: %.1f° = arccos(−1/(K−1))); " +
                "their norms vary by %.1f%% (std/mean); ETF error %.3g.", angles.min(), angles.max(), target, 100 * (at(final, "nc2_equinorm") ?: Double.NaN), etfError)
        }
        val nc4 = at(final, "nc4") ?: Double.NaN
        out += f("NC3 (classifier vs means) %.3g; NC4: the nearest-class-centre rule disagrees with the network on %.2f%% of the probed samples.",
            at(final, "nc3") ?: Double.NaN, 100 * nc4)
        val collapsed = nc1Last < NC1_COLLAPSED && etfError < ETF_COLLAPSED && nc4 < NC4_COLLAPSED
        val falling = nc1First != null && nc1Last < nc1First / 10
        out += when {
            collapsed -> "Verdict: neural collapse at the penultimate layer"
            falling -> "Verdict: collapsing but not yet collapsed"
            else -> "Verdict: no clear collapse"
        } + f(" (collapsed means NC1 < %s, ETF error < %s and NC4 < %s; collapsing means NC1 fell more than 10×).",
            NC1_COLLAPSED, ETF_COLLAPSED, NC4_COLLAPSED)
        return out
    }

    private fun f(format: String, vararg args: Any?) = String.format(Locale.ROOT, format, *args)
}
