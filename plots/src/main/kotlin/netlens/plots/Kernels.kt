package netlens.plots

import java.util.Locale
import org.jetbrains.letsPlot.facet.facetWrap
import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.gggrid
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.scale.scaleXLog10
import org.jetbrains.letsPlot.scale.scaleYLog10
import org.jetbrains.letsPlot.themes.themeBW

/**
 * The empirical NTK as an observable: its spectrum (relative to the top eigenvalue) and the
 * cumulative share of the labels along its eigenvectors, at the first and the last probe; and
 * over training its kernel-target alignment and the label share of its top ten eigenvectors.
 */
internal fun ntkSpectra(view: ResultView): FigureOut? {
    val probes = view.probes.filter { it.ntk() != null }
    if (probes.isEmpty()) return null
    val ends = listOf(probes.first(), probes.last()).distinctBy { it.epoch() }
    val labels = ends.map { "epoch ${it.epoch()}" }
    val spectrum = Columns("index", "value", "epoch")
    val share = Columns("index", "value", "epoch")
    for ((p, label) in ends.zip(labels)) {
        val k = p.ntk()
        for (i in k.eigenvalues().indices) {
            if (k.eigenvalues()[i] > 0) spectrum.add(i + 1, k.eigenvalues()[i] / k.eigenvalues()[0], label)
            share.add(i + 1, k.cumulative()[i], label)
        }
    }
    val colours = scaleColorManual(values = listOf("#9ecae1", "#08306b").takeLast(labels.size), limits = labels, name = "")
    val left = letsPlot(spectrum.map) + geomLine(size = 1.0) { x = "index"; y = "value"; color = "epoch" } + colours +
        scaleXLog10() + scaleYLog10() + labs(title = "eigenvalues λ_r / λ_1", x = "r", y = "") + themeBW()
    val middle = letsPlot(share.map) + geomLine(size = 1.0) { x = "index"; y = "value"; color = "epoch" } + colours +
        scaleXLog10() + labs(title = "label share of the top r eigenvectors", x = "r", y = "") + themeBW()
    val over = Columns("epoch", "value", "measure")
    for (p in probes) {
        over.add(p.epoch(), p.ntk().alignment(), "1. kernel-target alignment")
        over.add(p.epoch(), p.ntk().cumulative()[minOf(9, p.ntk().cumulative().size - 1)], "2. label share of the top 10")
        if (p.ntk().mutualInformation().isNotEmpty()) over.add(p.epoch(), p.ntk().mutualInformation()[0], "3. I(φ₁; y) (bits)")
    }
    val right = letsPlot(over.map) + geomLine(size = 1.0) { x = "epoch"; y = "value" } + geomPoint(size = 1.5) { x = "epoch"; y = "value" } +
        facetWrap(facets = "measure", ncol = 1, scales = "free_y", order = 1) + labs(title = "over training", x = "epoch", y = "") + themeBW()
    val first = probes.first().ntk()
    val last = probes.last().ntk()
    return FigureOut(
        "ntk", "The empirical NTK",
        String.format(Locale.ROOT, "Empirical NTK on %d probe samples. Alignment ⟨K, yyᵀ⟩/(‖K‖‖yyᵀ‖) went from %.3f (epoch %d) to %.3f (epoch %d); " +
            "a kernel whose top eigenvectors carry the labels learns the task from fewer samples.",
            first.eigenvalues().size.coerceAtLeast(0), first.alignment(), probes.first().epoch(), last.alignment(), probes.last().epoch()),
        gggrid(listOf(left, middle, right), ncol = 3) + ggsize(1100, 420),
    )
}

/** Hidden neurons' positions (z₁, ‖z⊥‖) at initialisation and at the end; kept neurons dark, colour by the sign of the bias. */
internal fun neuronPositions(view: ResultView): FigureOut? {
    val probes = view.probes.filter { it.neurons() != null }
    if (probes.isEmpty()) return null
    val ends = listOf(probes.first(), probes.last()).distinctBy { it.epoch() }
    val points = Columns("z1", "zrest", "bias", "frame", "kept")
    for (p in ends) {
        val n = p.neurons()
        val frame = "epoch ${p.epoch()}: ${n.keptCount()} neurons kept, ${n.attractors()} attractors"
        for (i in 0 until n.hidden()) {
            val (z1, rest) = n.split(i)
            if (!z1.isFinite() || !rest.isFinite()) continue
            points.add(z1, rest, if (n.biasSign()[i] > 0) "b > 0" else "b < 0", frame, if (n.kept()[i]) "kept" else "small |β|")
        }
    }
    val plot = letsPlot(points.map) +
        geomPoint(size = 1.6) { x = "z1"; y = "zrest"; color = "bias"; alpha = "kept" } +
        scaleColorManual(values = listOf("#e15759", "#4e79a7"), limits = listOf("b > 0", "b < 0"), name = "") +
        org.jetbrains.letsPlot.scale.scaleAlphaManual(values = listOf(0.9, 0.15), limits = listOf("kept", "small |β|"), name = "") +
        facetWrap(facets = "frame", ncol = 2, scales = "free", order = 1) +
        labs(x = "z₁ (along x₁)", y = "‖z⊥‖") + themeBW() + ggsize(1000, 430)
    return FigureOut(
        "neurons", "Neuron positions",
        "Each hidden neuron n as the point zₙ = −√d bₙ wₙ/‖wₙ‖² of its hyperplane nearest the origin, drawn by its first coordinate and the " +
            "norm of the others. Kept neurons (|βₙ| at least a tenth of the largest) are dark; attractors are groups of kept neurons active on " +
            "exactly the same training points.",
        plot,
    )
}
