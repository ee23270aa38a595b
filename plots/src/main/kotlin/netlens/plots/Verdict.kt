package netlens.plots

import java.util.Locale
import kotlin.math.acos
import netlens.interop.Pretrained
import netlens.observe.ProbeRecord
import netlens.run.Results
import netlens.train.Trainer

/** The report's summary: how training ended, the collapse in numbers, and each study's claim checked (see [claims]). */
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
            Trainer.Status.FAILED -> "The run ${r.outcome().message()}. This report shows what was measured before."
            null -> ""
        }
        out += status + f(" After epoch %d: train accuracy %.2f%%, test accuracy %s.", last.epoch(), 100 * last.trainAccuracy(),
            if (last.testAccuracy().isNaN()) "n/a" else f("%.2f%%", 100 * last.testAccuracy()))
        loaded(r)?.let { out += it }
        for (w in r.warnings()) out += "Warning: $w."
        out += collapseDetails(view, nc1)
        return out + claims(view).map { it.sentence }
    }

    /**
     * For a network trained elsewhere: its test accuracy before netlens trained it, beside the one its
     * trainer recorded in the file (metadata "test_accuracy"), agreeing when they differ by at most one test sample.
     */
    private fun loaded(r: Results): String? {
        val pretrained = r.experiment().model().pretrained() ?: return null
        val file = java.nio.file.Path.of(pretrained.path()).fileName
        val measured = r.history().first().testAccuracy()
        if (measured.isNaN()) return null
        val own = f("Loaded from %s, the network scores %.2f%% on this test set before any training here", file, 100 * measured)
        val reported = pretrained.metadata()[Pretrained.TEST_ACCURACY]?.toDoubleOrNull() ?: return "$own; the file records no test accuracy of its own."
        val agree = kotlin.math.abs(reported - measured) <= 1.0 / r.data().testSize() + 1e-12
        return own + f("; its trainer reported %.2f%%", 100 * reported) +
            if (agree) " — the same network, measured the same way." else f(", %.2f points apart: a different test set or preprocessing?", 100 * (measured - reported))
    }

    /** The published claims this run's measurements can check; a variants table repeats their verdicts per variant. */
    fun claims(view: Run): List<Claim> = listOfNotNull(collapse(view)) + BottleneckClaims.of(view) + DimensionClaims.of(view)

    private class Penultimate(val view: Run, val layer: String, val label: String, val first: ProbeRecord, val final: ProbeRecord) {
        fun at(p: ProbeRecord, metric: String) = view.scalar(p, layer, metric)
    }

    private fun penultimate(view: Run): Penultimate? {
        if (view.probes.isEmpty()) return null
        val layer = view.layer(view.penultimate) ?: return null
        val final = view.probes.last()
        if (view.scalar(final, layer.name(), "nc1") == null) return null
        return Penultimate(view, layer.name(), layer.label(), view.probes.first(), final)
    }

    private fun collapseDetails(view: Run, nc1: ReportSpec.Nc1): List<String> {
        val p = penultimate(view) ?: return emptyList()
        val out = mutableListOf<String>()
        val nc1Last = p.at(p.final, "nc1")!!
        val nc1First = p.at(p.first, "nc1")
        out += if (nc1First != null && view.probes.size > 1)
            f("NC1 at the penultimate layer %s fell from %.3g (epoch %d) to %.3g (epoch %d), %.0f× smaller.",
                p.label, nc1First, p.first.epoch(), nc1Last, p.final.epoch(), nc1First / nc1Last)
        else f("NC1 at the penultimate layer %s is %.3g at epoch %d.", p.label, nc1Last, p.final.epoch())
        if (nc1 != ReportSpec.Nc1.TRACE) p.at(p.final, nc1.metric)?.let { out += f("%s at the penultimate layer: %.3g (epoch %d).", nc1.label, it, p.final.epoch()) }
        val k = view.classNames.size
        val cosines = view.matrix(p.final, p.layer, "class_mean_cosines")
        if (cosines != null) {
            val target = Math.toDegrees(acos(-1.0 / (k - 1)))
            val angles = mutableListOf<Double>()
            for (a in 0 until k) for (b in a + 1 until k) angles += Math.toDegrees(acos(cosines.get(a, b).toDouble().coerceIn(-1.0, 1.0)))
            out += f("Angles between centred class means range over %.1f°–%.1f° (simplex ETF: %.1f° = arccos(−1/(K−1))); " +
                "their norms vary by %.1f%% (std/mean); ETF error %.3g.", angles.min(), angles.max(), target,
                100 * (p.at(p.final, "nc2_equinorm") ?: Double.NaN), p.at(p.final, "nc2_etf_error") ?: Double.NaN)
        }
        out += f("NC3 (classifier vs means) %.3g; NC4: the nearest-class-centre rule disagrees with the network on %.2f%% of the probed samples.",
            p.at(p.final, "nc3") ?: Double.NaN, 100 * (p.at(p.final, "nc4") ?: Double.NaN))
        return out
    }

    /**
     * Papyan, Han & Donoho's claim, that the penultimate layer collapses in the terminal phase, as a
     * verdict with each criterion measured against its threshold.
     */
    private fun collapse(view: Run): Claim? {
        val p = penultimate(view) ?: return null
        val nc1First = p.at(p.first, "nc1").takeIf { view.probes.size > 1 }
        val nc1 = p.at(p.final, "nc1")!!
        val criteria = listOf(Triple("NC1", nc1, NC1_COLLAPSED), Triple("ETF error", p.at(p.final, "nc2_etf_error") ?: Double.NaN, ETF_COLLAPSED),
            Triple("NC4", p.at(p.final, "nc4") ?: Double.NaN, NC4_COLLAPSED))
        val verdict = when {
            criteria.all { (_, v, limit) -> v < limit } -> "neural collapse at the penultimate layer"
            nc1First != null && nc1 < nc1First / 10 -> "collapsing but not yet collapsed"
            else -> "no clear collapse"
        }
        val measured = "$verdict: " + criteria.joinToString(", ") { (name, v, limit) ->
            if (v.isNaN()) "$name not measured" else f("%s %.3g %s %s", name, v, if (v < limit) "<" else "≥", limit)
        }
        return Claim("neural collapse (Papyan et al. 2020)", "Verdict: $measured (collapsed needs all three below their thresholds; " +
            "collapsing, NC1 more than 10× below its first value).", measured)
    }

    private fun f(format: String, vararg args: Any?) = String.format(Locale.ROOT, format, *args)
}
