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
        val report = reportBuilder?.build() ?: defaultReport(probe)
        checkReport(report, probe)
        return ExperimentPlan(Experiment(name, seed, d, m, trainBuilder.build(), probe), report)
    }

    private fun defaultReport(probe: ProbeConfig?): ReportSpec = ReportSpec(
        ReportSpec.DEFAULT.sections.filter {
            when (it) {
                is ReportSpec.LayerGrid, is ReportSpec.Penultimate -> probe?.embeddings() == true
                is ReportSpec.CollapseCurves -> probe?.collapse() == true
                else -> true
            }
        }
    )

    private fun checkReport(report: ReportSpec, probe: ProbeConfig?) {
        for (s in report.sections) when (s) {
            is ReportSpec.LayerGrid, is ReportSpec.Penultimate -> {
                requireValue(probe?.embeddings() == true) { "report: ${sectionName(s)} needs embeddings, e.g. probe(every = 5) { embeddings() }" }
                requireValue(s !is ReportSpec.Penultimate || probe!!.probes(modelSpec!!.hidden().size)) {
                    "report: penultimate() needs the penultimate layer among probe(layers = …)"
                }
            }
            is ReportSpec.CollapseCurves -> requireValue(probe?.collapse() == true) {
                "report: collapseCurves() needs probe(every = 5) { neuralCollapse() }"
            }
            else -> Unit
        }
    }

    private fun sectionName(s: ReportSpec.Section) = when (s) {
        is ReportSpec.LayerGrid -> "layerGrid()"
        is ReportSpec.Penultimate -> "penultimate()"
        else -> s.toString()
    }
}
