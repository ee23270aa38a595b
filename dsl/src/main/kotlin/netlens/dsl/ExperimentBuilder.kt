package netlens.dsl

import netlens.data.DataSpec
import netlens.observables.KernelBaselines
import netlens.observables.KernelNc1
import netlens.observe.Observable
import netlens.observe.ProbeSchedule
import netlens.observe.Site
import netlens.plots.Figure
import netlens.plots.Figures
import netlens.plots.Need
import netlens.plots.ReportSpec
import netlens.plots.Where
import netlens.run.Experiment
import netlens.run.ExperimentName
import netlens.run.ModelSpec

/**
 * One declared experiment (or one variant or sweep point of it, labelled, with its value on every
 * axis) and the report to draw from it.
 */
data class ExperimentPlan(
    val experiment: Experiment,
    val report: ReportSpec,
    val variant: String? = null,
    val axes: Map<String, String> = emptyMap(),
    /** A point of a sweep (learning curves), not a variant (side by side). */
    val sweep: Boolean = false,
    /** What each point asks of Slurm when the plan runs there (`--slurm`). */
    val slurm: SlurmSettings = SlurmSettings(),
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
    private var afterTraining = linkedMapOf<String, Observable>()

    /**
     * Learning-curve baselines scored after training on the same split (binary tasks): e.g.
     * `baselines(svmInitNtk, svmFinalNtk, svmLaplace, ridgeGaussian, knn)`.
     */
    fun baselines(vararg which: BaselineChoice) {
        requireValue(which.isNotEmpty()) { "baselines(…): name at least one, e.g. baselines(svmInitNtk, knn)" }
        observeAfterTraining(KernelBaselines(which.map { it.baseline }.distinct()))
    }

    /**
     * Kernels whose NC1 on the training inputs is measured after training, beside the trained
     * network's last hidden layer and its empirical NTK: e.g.
     * `kernelCollapse(nngpKernel(relu), ntkKernel(relu), nngpKernel(erf), ntkKernel(erf), adaptiveKernel(hidden = 20))`.
     */
    fun kernelCollapse(vararg kernels: KernelChoice) {
        requireValue(kernels.isNotEmpty()) { "kernelCollapse(…): name at least one kernel, e.g. kernelCollapse(nngpKernel(relu))" }
        observeAfterTraining(KernelNc1(kernels.map { it.kernel }.distinctBy { it.key() }))
    }

    /** Adds an observable measured once after training, on the whole data. */
    fun observeAfterTraining(observable: Observable) {
        afterTraining[observable.key()] = observable
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

    /** Without a train { } block a network loaded from a file is probed as it is (maxEpochs = 0); a fresh one trains by the defaults. */
    fun train(block: TrainBuilder.() -> Unit) {
        trained = true
        trainBuilder.apply(block)
    }

    private var trained = false

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

    private var slurmSettings = SlurmSettings()

    /** What each point's task asks of Slurm under `./run … --slurm`; see [SlurmSettings]. */
    fun slurm(block: SlurmSettings.() -> Unit) {
        slurmSettings = SlurmSettings().apply(block)
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
        if (!trained && m.pretrained() != null) trainBuilder.maxEpochs = 0
        val train = trainBuilder.build()
        val probes: Pair<ProbeSchedule, List<Observable>>? = probeBuilder?.build(m.hidden().size, schedule?.epochs(train.maxEpochs()))
        val observables = (probes?.second ?: emptyList()) + afterTraining.values
        requireValue(afterTraining.values.none { it is KernelBaselines } || train.loss().binary()) {
            "baselines(…) score binary tasks: use a margin loss such as hinge"
        }
        val widths = intArrayOf(d.inputs()) + m.hidden() + train.loss().outputs(d.classCount())
        m.pretrained()?.let { p ->
            val file = java.nio.file.Path.of(p.path()).fileName
            requireValue(p.inputs() == d.inputs()) { "load(\"$file\"): the network takes ${p.inputs()} inputs; ${d.describe()} has ${d.inputs()} features" }
            requireValue(p.outputs() == widths.last()) {
                "load(\"$file\"): the network has ${p.outputs()} outputs; ${d.classCount()} classes with ${train.loss().key()} need ${widths.last()}"
            }
        }
        val probed = (0 until widths.size).filter { probes?.first?.probes(it) == true }
        requireValue(observables.none { it is netlens.observables.InputPlane } || d.inputs() == 2) {
            "decisionRegions() needs 2-D inputs (e.g. data = spirals(…) or stripe(d = 2)); ${d.describe()} has ${d.inputs()}"
        }
        val produced = Produced(widths, probed, observables)
        val figures = reportBuilder?.build() ?: Figures.builtIn.filter { produced.missing(it) == null }
        for (f in figures) produced.missing(f)?.let { throw ScriptValueException("report: $it") }
        val nc1 = probeBuilder?.nc1 ?: ReportSpec.Nc1.TRACE
        return ExperimentPlan(Experiment(name, seed, d, m, train, probes?.first, observables), ReportSpec(figures, nc1, reportBuilder?.export, reportBuilder?.networks.orEmpty()),
            slurm = slurmSettings)
    }

    /** Which observable measures what where, for this network and these probed layers. */
    private class Produced(private val widths: IntArray, private val probed: List<Int>, private val observables: List<Observable>) {
        private val hidden = widths.size - 2
        private val names: Map<Int, Map<String, String>> = (probed + Site.NETWORK).associateWith { l ->
            val byName = linkedMapOf<String, String>()
            for (o in observables) for (n in o.produces(Site(widths, l))) {
                val other = byName.putIfAbsent(n, o.key())
                requireValue(other == null) { "two probes measure \"$n\": ${other} and ${o.key()}; give one another name" }
            }
            byName
        }

        private fun sites(where: Where): List<Int> = when (where) {
            Where.ANY_LAYER -> probed
            Where.HIDDEN_LAYER -> probed.filter { it in 1..hidden }
            Where.PENULTIMATE -> probed.filter { it == hidden }
            Where.NETWORK -> listOf(Site.NETWORK)
        }

        private fun met(need: Need): Boolean = need.names.any { n ->
            if (n == Need.SCRIPTED) observables.any { it is netlens.observables.Custom } && sites(need.where).isNotEmpty()
            else sites(need.where).any { names[it]?.containsKey(n) == true }
        }

        /** What the figure needs that no probe gives, or null when it can be drawn. */
        fun missing(f: Figure): String? = f.needs.firstOrNull { !met(it) }?.let { need ->
            val what = need.names.filter { it != Need.SCRIPTED }.joinToString(" or ") { "\"$it\"" }.ifEmpty { "a custom(…) probe" }
            "${f.call} draws $what" + when (need.where) {
                Where.PENULTIMATE -> " at the penultimate layer"
                Where.HIDDEN_LAYER -> " at a hidden layer"
                else -> ""
            } + ", which no probe of this script measures: add ${need.hint}"
        }
    }
}
