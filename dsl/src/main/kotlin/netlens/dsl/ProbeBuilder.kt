package netlens.dsl

import netlens.observables.CkaSimilarity
import netlens.observables.CkaVariants
import netlens.observables.Collapse
import netlens.observables.Custom
import netlens.observables.DimensionScales
import netlens.observables.Embeddings
import netlens.observables.InputPlane
import netlens.observables.IntrinsicDimension
import netlens.observables.LinearProbeAccuracy
import netlens.observables.Neurons
import netlens.observables.PrincipalComponents
import netlens.observables.Spectrum
import netlens.observables.TangentKernel
import netlens.observables.TraceRatioNc1
import netlens.observables.WeightMovement
import netlens.observe.Measurement
import netlens.observe.Observable
import netlens.observe.ProbeSchedule
import netlens.plots.ReportSpec
import netlens.probe.Projection as EngineProjection

/**
 * The probes of `probe { … }`: each call adds one observable (calling one twice keeps the later
 * settings in the first one's place). Every probed layer's width, PCA shares and effective ranks
 * are always measured.
 */
@NetlensDsl
class ProbeBuilder internal constructor(private val every: Int, private val samples: Int, private val layers: List<String>?) {
    private val observables = linkedMapOf<String, Observable>()
    internal var nc1 = ReportSpec.Nc1.TRACE
        private set

    /** Adds (or replaces) an observable: the one place a probe call lands. */
    fun observe(observable: Observable) {
        observables[observable.key()] = observable
    }

    /** Every layer's features reduced to 2-D, for the layer grid and penultimate figures and embeddings.npy. */
    fun embeddings(projection: Projection = pca(2)) = observe(Embeddings(when (projection) {
        is Pca -> EngineProjection.Pca()
        is RandomProjection -> EngineProjection.Random()
        is Umap -> EngineProjection.Umap(projection.samples, projection.neighbours, projection.minDist)
    }))

    /**
     * NC1–NC4 (Papyan, Han & Donoho 2020), the trace ratio Tr Σ_W / Tr Σ_B, CDNV, nearest-class-centre
     * accuracy on train and test samples, and He & Su's separation D_l with its fit across depth.
     * [nc1] picks which NC1 the figures and the verdict lead with; metrics.csv has all of them.
     */
    fun neuralCollapse(nc1: Nc1Variant = trace) {
        observe(Collapse())
        observe(TraceRatioNc1())
        this.nc1 = nc1.spec
    }

    /** TwoNN intrinsic dimension (Facco et al. 2017) on a stratified subset of [samples] probe samples. */
    fun intrinsicDimension(samples: Int = 2000) = checked { observe(IntrinsicDimension(samples)) }

    /**
     * Intrinsic dimension across scales on [samples] probe samples: Levina–Bickel from k = [kMin] to
     * [kMax] neighbours, and GRIDE's dimension against scale for neighbour orders 1, 2, 4 … [maxOrder].
     */
    fun intrinsicDimensionScales(samples: Int = 2000, kMin: Int = 5, kMax: Int = 20, maxOrder: Int = 32) =
        checked { observe(DimensionScales(samples, kMin, kMax, maxOrder)) }

    /** Accuracy of a ridge-regularised linear classifier on each layer's frozen features, train and test. */
    fun linearProbe() = observe(LinearProbeAccuracy())

    /** Linear CKA (Kornblith et al. 2019) between layers and between epochs, on [samples] probe samples. */
    fun cka(samples: Int = 1000) = checked { observe(CkaSimilarity(samples)) }

    /**
     * Linear CKA beside debiased linear CKA (the unbiased HSIC) and RBF CKA with σ = [bandwidth] × the
     * median distance, between every two layers on [samples] probe samples.
     */
    fun ckaVariants(samples: Int = 500, bandwidth: Double = 0.8) = checked { observe(CkaVariants(samples, bandwidth)) }

    /** ‖θ_l − θ_l(0)‖/‖θ_l(0)‖ for every layer. */
    fun weightMovement() = observe(WeightMovement())

    /** Each layer's PCA spectrum (effective ranks are always measured). */
    fun spectrum() = observe(Spectrum())

    /**
     * For 2-D inputs: the predicted class over the input plane on a [resolution]² grid (decision
     * regions), and the vector field of the map from the input into the last 2-unit hidden layer.
     */
    fun decisionRegions(resolution: Int = 150) {
        requireValue(resolution in 2..1000) { "decisionRegions(resolution = $resolution): must be between 2 and 1000" }
        observe(InputPlane(resolution))
    }

    /**
     * The empirical NTK on [samples] probe samples (layerwise, no per-sample Jacobian): its spectrum,
     * the labels' projections on its eigenvectors, kernel-target alignment and mutual information.
     */
    fun ntk(samples: Int = 500) = checked { observe(TangentKernel(samples)) }

    /** Hidden-neuron positions z = −√d b w/‖w‖² and attractors, for one-hidden-layer networks. */
    fun neurons() = observe(Neurons())

    /** Every representation-geometry probe, with PCA embeddings. */
    fun representationGeometry() {
        embeddings()
        neuralCollapse(nc1 = Nc1Variant(nc1))
        intrinsicDimension()
        intrinsicDimensionScales()
        linearProbe()
        cka()
        ckaVariants()
        weightMovement()
        spectrum()
    }

    /**
     * A probe written in the script: at every probed layer of every probe, [measure] receives the
     * layer ([ProbedLayer]: its features, labels, the network's predictions, the epoch, its name)
     * and returns a number (into metrics.csv and the depth-profile and over-training figures), a
     * vector, a matrix or a small table (`<name>.csv` / `<name>.npy`), or null. Its source text is
     * part of the run's cache key.
     */
    fun custom(name: String, measure: (ProbedLayer) -> Any?) {
        requireValue(name.matches(Regex("[a-z][a-z0-9_]*"))) { "custom(\"$name\"): name it in lower_snake_case, e.g. custom(\"margin_spread\")" }
        observe(Custom(name, ScriptText.currentCall("custom").ifEmpty { name }) { probe, layer ->
            val view = ProbedLayer(probe, layer)
            val before = layer.features().contentHashCode()
            val value = UserCode.run("custom(\"$name\") at ${layer.name()}, epoch ${probe.epoch()}") { measure(view) }
            if (layer.features().contentHashCode() != before)
                throw ScriptValueException("custom(\"$name\") wrote into layer.features, a view of the probe's own array; copy it first (layer.features.copy())")
            ProbedLayer.measurement(name, value)
        })
    }

    /** The schedule and observables for a network with [hidden] hidden layers, probed at [at] epochs (null: every [every]). */
    internal fun build(hidden: Int, at: IntArray? = null): Pair<ProbeSchedule, List<Observable>> {
        requireValue(observables.isNotEmpty()) { "probe { } takes at least one probe, e.g. embeddings(), neuralCollapse() or representationGeometry()" }
        val schedule = checked { ProbeSchedule(every, at, samples, layers?.map { layerIndex(it, hidden) }?.toIntArray()) }
        return schedule to listOf<Observable>(PrincipalComponents()) + observables.values
    }

    private fun layerIndex(name: String, hidden: Int): Int {
        val index = when {
            name == "input" -> 0
            name == "logits" -> hidden + 1
            name == "penultimate" -> hidden
            name.startsWith("h") -> name.drop(1).toIntOrNull()?.takeIf { it in 1..hidden }
            else -> null
        }
        return index ?: throw ScriptValueException(
            "probe(layers = …): no layer \"$name\"; this network has input, " + (1..hidden).joinToString(", ") { "h$it" } + ", logits (or penultimate)"
        )
    }
}

/** Engine settings out of range become script errors at the call. */
internal fun <T> checked(block: () -> T): T = try {
    block()
} catch (e: ScriptValueException) {
    throw e
} catch (e: IllegalArgumentException) {
    throw ScriptValueException(e.message ?: "invalid value")
}
