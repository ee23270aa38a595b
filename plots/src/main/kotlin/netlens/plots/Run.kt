package netlens.plots

import netlens.observe.LayerInfo
import netlens.observe.Measurement
import netlens.observe.ProbeRecord
import netlens.run.Results
import netlens.util.Rng

/**
 * One run in a report (label "" for a single run; a variant's or sweep point's label otherwise, with
 * its value on every axis; cached when its results are an earlier identical run's), with the lookups
 * figures share.
 */
class Run(val label: String, val results: Results, val axes: Map<String, String> = emptyMap(), val cached: Boolean = false) {
    val classNames: List<String> = results.data().classNames()
    val probes: List<ProbeRecord> = results.probes()
    val labels: IntArray = results.probeLabels()
    val layers: List<LayerInfo> = results.layers()

    /** The facet label: the run's number and label, so panels sort into declaration order. */
    var panel: String = label
        private set

    /** Index of the penultimate layer (the classifier's input). */
    val penultimate: Int get() = results.network().hidden().size

    fun layer(index: Int): LayerInfo? = layers.firstOrNull { it.index() == index }

    /** The matrix [name] of [subject] at a probe, or null. */
    fun matrix(p: ProbeRecord, subject: String, name: String): Measurement.Matrix? = p.measured().matrix(subject, name)

    /** The scalar [name] of [subject] at a probe, or null when not measured (NaN stays NaN). */
    fun scalar(p: ProbeRecord, subject: String, name: String): Double? =
        (p.measured().get(subject, name) as? Measurement.Scalar)?.value()

    /** The first, a middle and the last probe, or the probes nearest the requested epochs. */
    fun pickProbes(epochs: List<Int>?): List<ProbeRecord> {
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
        val coords = probes.flatMap { p -> layers.mapNotNull { matrix(p, it.name(), "embeddings")?.values() } }
        val drawn = order.filter { i -> coords.all { !it[2 * i].isNaN() } }
        val taken = IntArray(classNames.size)
        return drawn.filter { i -> taken[labels[i]] < perClass && taken[labels[i]]++ >= 0 }.sorted().toIntArray()
    }

    /** The last hidden layer with exactly two units whose activations a probe kept (the bottleneck), or null. */
    fun bottleneck(p: ProbeRecord): LayerInfo? =
        layers.lastOrNull { it.width() == 2 && it.index() > 0 && it.index() < penultimate + 1 && matrix(p, it.name(), "activations") != null }

    companion object {
        fun numbered(runs: List<Run>): List<Run> {
            val width = runs.size.toString().length
            runs.forEachIndexed { i, r -> if (runs.size > 1) r.panel = "${(i + 1).toString().padStart(width, '0')} · ${r.label}" }
            return runs
        }
    }
}

/** Class names across runs, in order: variants may differ in their number of classes. */
internal fun classUnion(runs: List<Run>): List<String> = runs.flatMap { it.classNames }.distinct()
