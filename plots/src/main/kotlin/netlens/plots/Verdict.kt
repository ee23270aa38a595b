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

    fun sentences(view: ResultView, nc1: ReportSpec.Nc1): List<String> {
        val r = view.results
        val out = mutableListOf<String>()
        val last = r.history().last()
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
        val first = probes.first().layer(view.penultimate) ?: return out
        val final = probes.last().layer(view.penultimate) ?: return out
        val c0 = first.collapse()
        val c = final.collapse() ?: return out
        val k = view.classNames.size
        val name = view.layerLabel(final)
        val nc1Sentence = if (c0 != null && probes.size > 1)
            f("NC1 at the penultimate layer %s fell from %.3g (epoch %d) to %.3g (epoch %d), %.0f× smaller.",
                name, c0.nc1(), probes.first().epoch(), c.nc1(), probes.last().epoch(), c0.nc1() / c.nc1())
        else f("NC1 at the penultimate layer %s is %.3g at epoch %d.", name, c.nc1(), probes.last().epoch())
        out += nc1Sentence
        if (nc1 != ReportSpec.Nc1.TRACE) {
            val v = final.metrics()[nc1.metric]
            if (v != null) out += f("%s at the penultimate layer: %.3g (epoch %d).", nc1.label, v, probes.last().epoch())
        }
        val target = Math.toDegrees(acos(-1.0 / (k - 1)))
        val angles = mutableListOf<Double>()
        for (a in 0 until k) for (b in a + 1 until k) angles += Math.toDegrees(acos(c.cosines()[a * k + b].coerceIn(-1.0, 1.0)))
        out += f("Angles between centred class means range over %.1f°–%.1f° (simplex ETF: %.1f° = arccos(−1/(K−1))); " +
            "their norms vary by %.1f%% (std/mean); ETF error %.3g.", angles.min(), angles.max(), target, 100 * c.equinorm(), c.etfError())
        out += f("NC3 (classifier vs means) %.3g; NC4: the nearest-class-centre rule disagrees with the network on %.2f%% of the probed samples.",
            c.nc3(), 100 * c.nc4())
        val collapsed = c.nc1() < NC1_COLLAPSED && c.etfError() < ETF_COLLAPSED && c.nc4() < NC4_COLLAPSED
        val falling = c0 != null && c.nc1() < c0.nc1() / 10
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
