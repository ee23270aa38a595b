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
 * Kernel NC1 across a sweep (Kothapalli & Tirer): NC1 of every kernel and of the trained network
 * against the first swept axis, one panel per value of the others, and the comparisons the study
 * is about, counted over the points.
 */
internal object KernelCollapseSweep {
    /** NC1 of each kernel studied at a point, by kernel name. */
    private fun nc1(r: Run): Map<String, Double> {
        val after = r.results.afterTraining()
        return after.subjects().filter { it.isNotEmpty() }
            .mapNotNull { k -> (after.get(k, "nc1") as? Measurement.Scalar)?.let { k to it.value() } }.toMap()
    }

    fun figure(points: List<Run>): FigureOut? {
        val with = points.filter { nc1(it).isNotEmpty() }
        if (with.isEmpty()) return null
        val axes = with.first().axes.keys.filter { it != "seed" }
        val x = axes.firstOrNull() ?: return null
        val rows = Columns("x", "nc1", "kernel", "panel")
        for (pt in with) {
            val xv = pt.axes[x]!!.toDoubleOrNull() ?: continue
            val panel = axes.drop(1).joinToString(", ") { "$it = ${pt.axes[it]}" }.ifEmpty { "all" }
            for ((k, v) in nc1(pt)) if (v > 0) rows.add(xv, v, k, panel)
        }
        if (rows.isEmpty()) return null
        val kernels = with.flatMap { nc1(it).keys }.distinct()
        val plot = letsPlot(rows.map) +
            geomLine(size = 0.9, stat = org.jetbrains.letsPlot.Stat.summary()) { this.x = "x"; y = "nc1"; color = "kernel" } +
            geomPoint(size = 2.0, alpha = 0.6) { this.x = "x"; y = "nc1"; color = "kernel" } +
            facetWrap(facets = "panel", ncol = 3) +
            scaleColorManual(values = Palette.colours(kernels.size), limits = kernels, name = "") +
            scaleYLog10() + labs(x = x, y = "NC1 = Tr(Σ_W Σ_B⁺)/K") + themeBW() + ggsize(980, 520)
        return FigureOut("kernel-nc1", "Kernel NC1",
            "NC1 of the features each kernel implies on the training inputs, and of the trained network's last hidden layer " +
                "(network_features) and empirical NTK (network_ntk), against $x: lines through the mean over seeds.", plot)
    }

    /** Sentences comparing kernels point by point, with the counts and the median ratio. */
    fun verdict(points: List<Run>): List<String> {
        val with = points.map { nc1(it) }.filter { it.isNotEmpty() }
        if (with.isEmpty()) return emptyList()
        val out = mutableListOf<String>()
        fun compare(lower: String, higher: String, claim: String) {
            val pairs = with.mapNotNull { pt -> pt[lower]?.let { a -> pt[higher]?.let { b -> a to b } } }.filter { it.second > 0 }
            if (pairs.isEmpty()) return
            val below = pairs.count { it.first < it.second }
            val ratio = pairs.map { it.first / it.second }.sorted().let { it[it.size / 2] }
            out += String.format(Locale.ROOT, "%s: %s at %d of %d points (median NC1 ratio %s / %s = %.3f).",
                claim, if (below == pairs.size) "yes" else if (below == 0) "no" else "partly", below, pairs.size, lower, higher, ratio)
        }
        val keys = with.flatMap { it.keys }.toSet()
        for (act in listOf("relu", "erf", "tanh")) compare("ntk_$act", "nngp_$act", "Is the NTK's NC1 below the NNGP's ($act)")
        compare("nngp_erf", "nngp_relu", "Does erf collapse more than ReLU (NNGP)")
        compare("ntk_erf", "ntk_relu", "Does erf collapse more than ReLU (NTK)")
        for (k in keys.filter { it.startsWith("adaptive_") }) compare(k, "nngp_erf", "Does the adaptive kernel collapse more than the NNGP (erf)")
        return out
    }
}
