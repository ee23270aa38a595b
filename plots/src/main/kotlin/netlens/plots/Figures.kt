package netlens.plots

import netlens.probe.LayerProbe
import netlens.probe.ProbeResult
import netlens.run.Results
import netlens.util.Rng

/** A rendered-to-be figure: a stable id (used for file names and SVG ids), a title and a caption. */
class FigureOut(val id: String, val title: String, val caption: String, val figure: org.jetbrains.letsPlot.Figure)

/** Lookups on [Results] shared by the figures. */
internal class ResultView(val results: Results) {
    val classNames: List<String> = results.classNames()
    val probes: List<ProbeResult> = results.probes()
    val labels: IntArray = results.probeLabels()

    fun layerLabel(p: LayerProbe) = "${p.name()} (${p.width()})"

    /** Index of the penultimate layer (the classifier's input). */
    val penultimate: Int get() = results.network().hidden().size

    /** The first, a middle and the last probe, or the probes nearest the requested epochs. */
    fun pickProbes(epochs: List<Int>?): List<ProbeResult> {
        if (probes.isEmpty()) return emptyList()
        if (epochs == null) return listOf(probes.first(), probes[(probes.size - 1) / 2], probes.last()).distinctBy { it.epoch() }
        return epochs.map { e -> probes.minBy { kotlin.math.abs(it.epoch() - e) } }.distinctBy { it.epoch() }
    }

    /**
     * At most [perClass] sample indices per class, the same ones for every panel, among samples
     * that every probe embedded (UMAP embeds a subset only).
     */
    fun subsample(perClass: Int): IntArray {
        val order = Rng.stream(results.experiment().seed(), "plot-sample").permutation(labels.size)
        val coords = probes.flatMap { p -> p.layers().mapNotNull { it.coords() } }
        val drawn = order.filter { i -> coords.all { !it[2 * i].isNaN() } }
        val taken = IntArray(classNames.size)
        return drawn.filter { i -> taken[labels[i]] < perClass && taken[labels[i]]++ >= 0 }.sorted().toIntArray()
    }
}
