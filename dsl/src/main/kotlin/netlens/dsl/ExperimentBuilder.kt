package netlens.dsl

import netlens.data.DataSpec
import netlens.plots.ReportSpec
import netlens.probe.ProbeConfig
import netlens.run.Experiment
import netlens.run.ExperimentName
import netlens.run.ModelSpec

/**
 * One declared experiment (or one variant of it, labelled) and the report to draw from it. Points of
 * a sweep carry their value on every sweep axis.
 */
data class ExperimentPlan(
    val experiment: Experiment,
    val report: ReportSpec,
    val variant: String? = null,
    val sweepAxes: Map<String, String>? = null,
)

@NetlensDsl
class ExperimentBuilder internal constructor(private val name: String, private val forVariant: Boolean = false) {
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
    private var schedule: Schedule? = null
    private var baselineList = listOf<netlens.kernel.Baseline>()
    private var kernelList = listOf<netlens.kernel.CollapseKernel>()

    /**
     * Learning-curve baselines scored after training on the same split (binary tasks): e.g.
     * `baselines(svmInitNtk, svmFinalNtk, svmLaplace, ridgeGaussian, knn)`.
     */
    fun baselines(vararg which: BaselineChoice) {
        requireValue(which.isNotEmpty()) { "baselines(…): name at least one, e.g. baselines(svmInitNtk, knn)" }
        baselineList = which.map { it.baseline }.distinct()
    }

    /**
     * Kernels whose NC1 on the training inputs is measured after training, beside the trained
     * network's last hidden layer and its empirical NTK: e.g.
     * `kernelCollapse(nngpKernel(relu), ntkKernel(relu), nngpKernel(erf), ntkKernel(erf), adaptiveKernel(hidden = 20))`.
     */
    fun kernelCollapse(vararg kernels: KernelChoice) {
        requireValue(kernels.isNotEmpty()) { "kernelCollapse(…): name at least one kernel, e.g. kernelCollapse(nngpKernel(relu))" }
        kernelList = kernels.map { it.kernel }.distinctBy { it.key() }
    }

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
     * Probes the network every [every] epochs, or at the epochs [at] gives (and always at
     * initialisation and the end), on at most [samples] training samples, at [layers] ("input",
     * "h1" …, "penultimate", "logits"; null = all); the block picks the probes (default: embeddings
     * and collapse).
     */
    fun probe(every: Int = 1, samples: Int = 10_000, layers: List<String>? = null, at: Schedule? = null,
              block: ProbeBuilder.() -> Unit = { embeddings(); neuralCollapse() }) {
        requireValue(every >= 1) { "probe(every = $every): every must be >= 1" }
        schedule = at
        requireValue(samples >= 2) { "probe(samples = $samples): samples must be >= 2" }
        requireValue(layers == null || layers.isNotEmpty()) { "probe(layers = []): name at least one layer, or leave layers out for all" }
        probeBuilder = ProbeBuilder(every, samples, layers).apply(block)
        modelSpec?.let { probeBuilder!!.build(it.hidden().size) }   // report bad layer names at this line when the model is known
    }

    fun report(block: ReportBuilder.() -> Unit) {
        reportBuilder = ReportBuilder().apply(block)
    }

    internal var variants: VariantsBuilder? = null
        private set

    internal var sweep: SweepBuilder? = null
        private set

    /**
     * A sweep: every combination of its axes is run (in parallel, each point cached by a hash of its
     * configuration) and summarised as learning curves; see [SweepBuilder].
     */
    fun sweep(block: SweepBuilder.() -> Unit) {
        if (forVariant) return
        requireValue(sweep == null && variants == null) { "one sweep { } or variants { } per experiment" }
        sweep = SweepBuilder().apply(block).also { v ->
            requireValue(v.axes.isNotEmpty() || v.named.isNotEmpty()) { "sweep { } lists no axis; use p(…), seed(…), regime(…) or along(…)" }
        }
    }

    /** Variations trained side by side; see [VariantsBuilder]. Ignored while a variant itself is built. */
    fun variants(block: VariantsBuilder.() -> Unit) {
        if (forVariant) return
        requireValue(variants == null && sweep == null) { "variants { } is declared twice, or beside a sweep { }" }
        variants = VariantsBuilder().apply(block).also { v ->
            requireValue(v.axes.isNotEmpty() || v.named.isNotEmpty()) { "variants { } lists no variation; use along(…) or variant(…)" }
        }
    }

    internal fun build(): ExperimentPlan {
        val d = dataSpec ?: throw ScriptValueException("experiment \"$name\": data is not set, e.g. data = mnist(classes = listOf(0, 1, 2))")
        val m = modelSpec ?: throw ScriptValueException("experiment \"$name\": model is not set, e.g. model = mlp(hidden = listOf(128, 64))")
        val train = trainBuilder.build()
        val probe = probeBuilder?.build(m.hidden().size, schedule?.epochs(train.maxEpochs()))
        requireValue(probeBuilder?.wantsInputPlane != true || d is netlens.data.SpiralSpec) {
            "decisionRegions() needs 2-D inputs (e.g. data = spirals(…)); ${d.describe()} is not"
        }
        val sections = reportBuilder?.build() ?: ReportSpec.DEFAULT.sections.filter { missingProbe(it, probe) == null }
        for (s in sections) missingProbe(s, probe)?.let { throw ScriptValueException("report: $it") }
        val nc1 = probeBuilder?.nc1 ?: ReportSpec.Nc1.TRACE
        requireValue(baselineList.isEmpty() || train.loss().binary()) { "baselines(…) score binary tasks: use a margin loss such as hinge" }
        return ExperimentPlan(Experiment(name, seed, d, m, train, probe, baselineList, kernelList), ReportSpec(sections, nc1))
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
        ReportSpec.DecisionRegions, ReportSpec.VectorField ->
            if ((p?.inputGrid() ?: 0) > 0) null else "${figureName(s)} needs probe { decisionRegions() } on 2-D data"
        ReportSpec.NtkSpectra -> if ((p?.ntk() ?: 0) > 0) null else "ntkSpectra() needs probe { ntk() }"
        ReportSpec.NeuronPositions -> when {
            p?.neurons() != true -> "neuronPositions() needs probe { neurons() }"
            modelSpec!!.hidden().size != 1 -> "neuronPositions() needs a network with one hidden layer, e.g. oneHidden(h = 1000)"
            else -> null
        }
        ReportSpec.Bottleneck, is ReportSpec.BottleneckEvolution, ReportSpec.Angles -> when {
            p?.embeddings() != true -> "${figureName(s)} needs probe { embeddings() }"
            modelSpec!!.hidden().none { it == 2 } -> "${figureName(s)} needs a hidden layer of 2 units, e.g. mlp(hidden = listOf(120, 80, 40, 2))"
            else -> null
        }
    }

    private fun figureName(s: ReportSpec.Section) = when (s) {
        ReportSpec.DecisionRegions -> "decisionRegions()"
        ReportSpec.VectorField -> "vectorField()"
        ReportSpec.Bottleneck -> "bottleneck()"
        is ReportSpec.BottleneckEvolution -> "bottleneckEvolution()"
        ReportSpec.Angles -> "angles()"
        else -> s.toString()
    }
}
