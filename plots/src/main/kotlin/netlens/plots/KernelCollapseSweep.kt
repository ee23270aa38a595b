package netlens.plots

import java.util.Locale
import netlens.observe.Measurement
import org.jetbrains.letsPlot.facet.facetWrap
import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.scale.scaleYLog10
import org.jetbrains.letsPlot.themes.themeBW

/**
 * Kernel NC1 across a sweep (Kothapalli & Tirer 2024): NC1 of every kernel and of the trained
 * network against the first swept axis, one panel per value of the others, and the paper's claims
 * checked point by point under its metric, the trace ratio, and under Tr(Σ_W Σ_B⁺)/K.
 */
internal object KernelCollapseSweep {
    /** The paper's metric first. */
    val METRICS = listOf("nc1_trace_ratio" to "Tr Σ_W / Tr Σ_B", "nc1" to "Tr(Σ_W Σ_B⁺)/K")

    /** Each kernel's measures at a point: kernel → metric → value. */
    fun kernels(r: Run): Map<String, Map<String, Double>> {
        val after = r.results.afterTraining()
        return after.subjects().filter { it.isNotEmpty() }.associateWith { k ->
            METRICS.mapNotNull { (m, _) -> (after.get(k, m) as? Measurement.Scalar)?.let { m to it.value() } }.toMap()
        }
    }

    fun figure(points: List<Run>): FigureOut? {
        val with = points.filter { kernels(it).isNotEmpty() }
        if (with.isEmpty()) return null
        val axes = with.first().axes.keys.filter { it != "seed" }
        val x = axes.firstOrNull() ?: return null
        val rows = Columns("x", "nc1", "kernel", "panel")
        for (pt in with) {
            val xv = pt.axes[x]!!.toDoubleOrNull() ?: continue
            val panel = axes.drop(1).joinToString(", ") { "$it = ${pt.axes[it]}" }.ifEmpty { "all" }
            for ((k, v) in kernels(pt)) v["nc1_trace_ratio"]?.takeIf { it > 0 }?.let { rows.add(xv, it, k, panel) }
        }
        if (rows.isEmpty()) return null
        val kernels = with.flatMap { kernels(it).keys }.distinct()
        val plot = letsPlot(rows.map) +
            geomLine(size = 0.9, stat = org.jetbrains.letsPlot.Stat.summary()) { this.x = "x"; y = "nc1"; color = "kernel" } +
            geomPoint(size = 2.0, alpha = 0.6) { this.x = "x"; y = "nc1"; color = "kernel" } +
            facetWrap(facets = "panel", ncol = 3) +
            scaleColorManual(values = Palette.colours(kernels.size), limits = kernels, name = "") +
            scaleYLog10() + labs(x = x, y = "NC1 = Tr Σ_W / Tr Σ_B") + themeBW() + ggsize(980, 520)
        return FigureOut("kernel-nc1", "Kernel NC1",
            "NC1 as the trace ratio Tr Σ_W / Tr Σ_B (Kothapalli & Tirer's metric) of the features each kernel implies on the training " +
                "inputs, and of the trained network's last hidden layer (network_features) and empirical NTK (network_ntk), against $x: " +
                "lines through the mean over seeds. sweep.csv also has Tr(Σ_W Σ_B⁺)/K and CDNV for every kernel.", plot)
    }

    /** The paper's claims checked at every point, as sentences. */
    fun verdict(points: List<Run>): List<String> = KernelClaims.sentences(points.map { kernels(it) })
}

/**
 * Kothapalli & Tirer's three claims about kernel NC1 (lower is more collapsed), each counted over
 * the points where both kernels were measured, under both metrics, with the median ratio.
 */
internal object KernelClaims {
    /** One claim as a comparison: NC1 of [first] against that of [second], held when [holds] says so. */
    class Comparison(val text: String, val first: String, val second: String, val holds: (Double, Double) -> Boolean, val ratioName: String)

    private fun claims(kernels: Set<String>): List<Comparison> = buildList {
        for (act in listOf("relu", "erf", "tanh"))
            // Equal kernels up to a factor (ReLU in one dimension) tie within rounding: a tie is "not more collapsed".
            add(Comparison("the NTK is not more collapsed than the NNGP ($act)", "ntk_$act", "nngp_$act", { a, b -> a >= b * (1 - 1e-9) }, "NTK / NNGP"))
        add(Comparison("erf gives lower NC1 than ReLU (NNGP)", "nngp_erf", "nngp_relu", { a, b -> a < b }, "erf / ReLU"))
        add(Comparison("erf gives lower NC1 than ReLU (NTK)", "ntk_erf", "ntk_relu", { a, b -> a < b }, "erf / ReLU"))
        for (k in kernels.filter { it.startsWith("adaptive_") }.sorted())
            add(Comparison("the adaptive kernel ($k) gives lower NC1 than the NNGP (erf)", k, "nngp_erf", { a, b -> a < b }, "adaptive / NNGP"))
    }

    fun sentences(points: List<Map<String, Map<String, Double>>>): List<String> {
        val measured = points.filter { it.isNotEmpty() }
        if (measured.isEmpty()) return emptyList()
        val out = mutableListOf<String>()
        for (c in claims(measured.flatMap { it.keys }.toSet())) {
            val parts = KernelCollapseSweep.METRICS.mapNotNull { (metric, label) ->
                val pairs = measured.mapNotNull { pt ->
                    val a = pt[c.first]?.get(metric)
                    val b = pt[c.second]?.get(metric)
                    if (a != null && b != null && a.isFinite() && b.isFinite() && b > 0) a to b else null
                }
                if (pairs.isEmpty()) return@mapNotNull null
                val held = pairs.count { (a, b) -> c.holds(a, b) }
                val median = pairs.map { it.first / it.second }.sorted()[pairs.size / 2]
                String.format(Locale.ROOT, "under %s it holds at %d of %d points (median NC1 %s %.3f)", label, held, pairs.size, c.ratioName, median)
            }
            if (parts.isEmpty()) continue
            out += "Paper: ${c.text}. Here: " + parts.joinToString("; ") + "."
        }
        for (k in measured.flatMap { it.keys }.distinct()) {
            val failed = measured.count { pt -> pt[k]?.get("nc1_trace_ratio")?.isNaN() == true }
            if (failed > 0) out += "$k could not be formed at $failed of ${measured.size} points (its equations of state had no solution there)."
        }
        val unmeasured = points.size - measured.size
        if (unmeasured > 0) out += "$unmeasured point(s) measured no kernel (training did not complete)."
        out += "The paper's metric is the trace ratio, which counts the within-class spread in every direction; Tr(Σ_W Σ_B⁺)/K counts it " +
            "only along the directions the class means span, one for two classes, so the two can rank kernels differently."
        return out
    }
}
