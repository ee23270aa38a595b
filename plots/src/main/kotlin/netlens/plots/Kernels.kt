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
object NtkSpectra : Figure {
    override val id = "ntk"
    override val call = "ntkSpectra()"
    override val needs = listOf(Need("ntk_spectrum", Where.NETWORK, "probe { ntk() }"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        val probes = view.probes.filter { it.measured().table("", "ntk_spectrum") != null }
        if (probes.isEmpty()) return null
        val ends = listOf(probes.first(), probes.last()).distinctBy { it.epoch() }
        val labels = ends.map { "epoch ${it.epoch()}" }
        val spectrum = Columns("index", "value", "epoch")
        val share = Columns("index", "value", "epoch")
        for ((p, label) in ends.zip(labels)) {
            val t = p.measured().table("", "ntk_spectrum")
            val eigenvalues = t.numbers("eigenvalue")
            val cumulative = t.numbers("cumulative_projection")
            for (i in eigenvalues.indices) {
                if (eigenvalues[i] > 0) spectrum.add(i + 1, eigenvalues[i] / eigenvalues[0], label)
                share.add(i + 1, cumulative[i], label)
            }
        }
        val colours = scaleColorManual(values = listOf("#9ecae1", "#08306b").takeLast(labels.size), limits = labels, name = "")
        val left = letsPlot(spectrum.map) + geomLine(size = 1.0) { x = "index"; y = "value"; color = "epoch" } + colours +
            scaleXLog10() + scaleYLog10() + labs(title = "eigenvalues λ_r / λ_1", x = "r", y = "") + themeBW()
        val middle = letsPlot(share.map) + geomLine(size = 1.0) { x = "index"; y = "value"; color = "epoch" } + colours +
            scaleXLog10() + labs(title = "label share of the top r eigenvectors", x = "r", y = "") + themeBW()
        val over = Columns("epoch", "value", "measure")
        for (p in probes) {
            over.add(p.epoch(), view.scalar(p, "", "ntk_alignment")!!, "1. kernel-target alignment")
            over.add(p.epoch(), view.scalar(p, "", "ntk_label_share_top10")!!, "2. label share of the top 10")
            view.scalar(p, "", "ntk_mutual_information_1")?.let { over.add(p.epoch(), it, "3. I(φ₁; y) (bits)") }
        }
        val right = letsPlot(over.map) + geomLine(size = 1.0) { x = "epoch"; y = "value" } + geomPoint(size = 1.5) { x = "epoch"; y = "value" } +
            facetWrap(facets = "measure", ncol = 1, scales = "free_y", order = 1) + labs(title = "over training", x = "epoch", y = "") + themeBW()
        val first = probes.first()
        val last = probes.last()
        val samples = minOf(view.labels.size, view.results.experiment().observables().filterIsInstance<netlens.observables.TangentKernel>()
            .firstOrNull()?.samples() ?: view.labels.size)
        return FigureOut(
            id, "The empirical NTK",
            String.format(Locale.ROOT, "Empirical NTK on %d probe samples. Alignment ⟨K, yyᵀ⟩/(‖K‖‖yyᵀ‖) went from %.3f (epoch %d) to %.3f (epoch %d); " +
                "a kernel whose top eigenvectors carry the labels learns the task from fewer samples.",
                samples, view.scalar(first, "", "ntk_alignment"), first.epoch(), view.scalar(last, "", "ntk_alignment"), last.epoch()),
            gggrid(listOf(left, middle, right), ncol = 3) + ggsize(1100, 420),
        )
    }
}

/** Hidden neurons' positions (z₁, ‖z⊥‖) at initialisation and at the end; kept neurons dark, colour by the sign of the bias. */
object NeuronPositions : Figure {
    override val id = "neurons"
    override val call = "neuronPositions()"
    override val needs = listOf(Need("neurons", Where.NETWORK, "probe { neurons() } on a network with one hidden layer"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        val probes = view.probes.filter { it.measured().table("", "neurons") != null }
        if (probes.isEmpty()) return null
        val ends = listOf(probes.first(), probes.last()).distinctBy { it.epoch() }
        val points = Columns("z1", "zrest", "bias", "frame", "kept")
        for (p in ends) {
            val t = p.measured().table("", "neurons")
            val frame = String.format(Locale.ROOT, "epoch %d: %.0f neurons kept, %.0f attractors", p.epoch(),
                view.scalar(p, "", "neurons_kept"), view.scalar(p, "", "attractors"))
            val z1 = t.numbers("z1")
            val rest = t.numbers("z_rest")
            val bias = t.numbers("bias_sign")
            val kept = t.numbers("kept")
            for (i in z1.indices) {
                if (!z1[i].isFinite() || !rest[i].isFinite()) continue
                points.add(z1[i], rest[i], if (bias[i] > 0) "b > 0" else "b < 0", frame, if (kept[i] > 0) "kept" else "small |β|")
            }
        }
        val plot = letsPlot(points.map) +
            geomPoint(size = 1.6) { x = "z1"; y = "zrest"; color = "bias"; alpha = "kept" } +
            scaleColorManual(values = listOf("#e15759", "#4e79a7"), limits = listOf("b > 0", "b < 0"), name = "") +
            org.jetbrains.letsPlot.scale.scaleAlphaManual(values = listOf(0.9, 0.15), limits = listOf("kept", "small |β|"), name = "") +
            facetWrap(facets = "frame", ncol = 2, scales = "free", order = 1) +
            labs(x = "z₁ (along x₁)", y = "‖z⊥‖") + themeBW() + ggsize(1000, 430)
        return FigureOut(
            id, "Neuron positions",
            "Each hidden neuron n as the point zₙ = −√d bₙ wₙ/‖wₙ‖² of its hyperplane nearest the origin, drawn by its first coordinate and the " +
                "norm of the others. Kept neurons (|βₙ| at least a tenth of the largest) are dark; attractors are groups of kept neurons active on " +
                "exactly the same training points.",
            plot,
        )
    }
}
