package netlens.dsl

import netlens.data.DataSpec
import netlens.plots.ReportSpec
import netlens.probe.ProbeConfig
import netlens.run.Experiment
import netlens.run.ExperimentName
import netlens.run.ModelSpec

/** One declared experiment and the report to draw from it. */
data class ExperimentPlan(val experiment: Experiment, val report: ReportSpec)

@NetlensDsl
class ExperimentBuilder internal constructor(private val name: String) {
    init {
        try {
            ExperimentName.check(name)
        } catch (e: IllegalArgumentException) {
            throw ScriptValueException(e.message!!)
        }
    }

    /** Seeds initialisation, data subsets, shuffling and probe samples. */
    var seed: Long = 0

    private var dataSpec: DataSpec? = null
    private var modelSpec: ModelSpec? = null
    private var trainBuilder = TrainBuilder()
    private var probeBuilder: ProbeBuilder? = null
    private var reportBuilder: ReportBuilder? = null

    /** The dataset, e.g. `mnist(classes = listOf(0, 1, 2), trainPerClass = 2000)`. */
    var data: DataSpec
        get() = dataSpec ?: throw ScriptValueException("data is not set yet")
        set(value) {
            dataSpec = value
        }

    /** The network, e.g. `mlp(hidden = listOf(128, 64))`. */
    var model: ModelSpec
        get() = modelSpec ?: throw ScriptValueException("model is not set yet")
        set(value) {
            modelSpec = value
        }

    fun train(block: TrainBuilder.() -> Unit) {
        trainBuilder.apply(block)
    }

    /**
     * Probes the network every [every] epochs (and at initialisation and the end) on at most
     * [samples] training samples, at [layers] ("input", "h1" …, "penultimate", "logits"; null = all);
     * the block picks the probes (default: embeddings and collapse).
     */
    fun probe(every: Int = 1, samples: Int = 10_000, layers: List<String>? = null,
              block: ProbeBuilder.() -> Unit = { embeddings(); neuralCollapse() }) {
        requireValue(every >= 1) { "probe(every = $every): every must be >= 1" }
        requireValue(samples >= 2) { "probe(samples = $samples): samples must be >= 2" }
        requireValue(layers == null || layers.isNotEmpty()) { "probe(layers = []): name at least one layer, or leave layers out for all" }
        probeBuilder = ProbeBuilder(every, samples, layers).apply(block)
        modelSpec?.let { probeBuilder!!.build(it.hidden().size) }   // report bad layer names at this line when the model is known
    }

    fun report(block: ReportBuilder.() -> Unit) {
        reportBuilder = ReportBuilder().apply(block)
    }

    internal fun build(): ExperimentPlan {
        val d = dataSpec ?: throw ScriptValueException("experiment \"$name\": data is not set, e.g. data = mnist(classes = listOf(0, 1, 2))")
        val m = modelSpec ?: throw ScriptValueException("experiment \"$name\": model is not set, e.g. model = mlp(hidden = listOf(128, 64))")
        val probe = probeBuilder?.build(m.hidden().size)
        val sections = reportBuilder?.build() ?: ReportSpec.DEFAULT.sections.filter { missingProbe(it, probe) == null }
        for (s in sections) missingProbe(s, probe)?.let { throw ScriptValueException("report: $it") }
        val nc1 = probeBuilder?.nc1 ?: ReportSpec.Nc1.TRACE
        return ExperimentPlan(Experiment(name, seed, d, m, trainBuilder.build(), probe), ReportSpec(sections, nc1))
    }

    /** What a figure needs that the probes do not take, or null when it can be drawn. */
    private fun missingProbe(s: ReportSpec.Section, p: ProbeConfig?): String? = when (s) {
        ReportSpec.TrainingCurves -> null
        is ReportSpec.LayerGrid -> if (p?.embeddings() == true) null else "layerGrid() needs embeddings, e.g. probe(every = 5) { embeddings() }"
        is ReportSpec.Penultimate -> when {
            p?.embeddings() != true -> "penultimate() needs embeddings, e.g. probe(every = 5) { embeddings() }"
            !p.probes(modelSpec!!.hidden().size) -> "penultimate() needs the penultimate layer among probe(layers = …)"
            else -> null
        }
        ReportSpec.CollapseCurves -> if (p?.collapse() == true) null else "collapseCurves() needs probe(every = 5) { neuralCollapse() }"
        is ReportSpec.DepthProfiles -> if (p != null && (p.collapse() || p.intrinsicDimension() > 0 || p.linearProbe())) null
            else "depthProfiles() needs neuralCollapse(), intrinsicDimension() or linearProbe() in probe { }"
        ReportSpec.CkaHeatmaps -> if ((p?.cka() ?: 0) > 0) null else "ckaHeatmaps() needs probe { cka() }"
        ReportSpec.Spectra -> if (p?.spectrum() == true) null else "spectra() needs probe { spectrum() }"
        ReportSpec.WeightMovement -> if (p?.weightMovement() == true) null else "weightMovement() needs probe { weightMovement() }"
    }
}
