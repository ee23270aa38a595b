package netlens.dsl

import netlens.plots.ReportSpec
import netlens.probe.ProbeConfig
import netlens.probe.Projection as EngineProjection

@NetlensDsl
class ProbeBuilder internal constructor(private val every: Int, private val samples: Int, private val layers: List<String>?) {
    private var projection: EngineProjection? = null
    private var collapse = false
    private var intrinsicDimension = 0
    private var linearProbe = false
    private var cka = 0
    private var weightMovement = false
    private var spectrum = false
    private var inputGrid = 0
    private var ntk = 0
    private var neurons = false
    internal var nc1 = ReportSpec.Nc1.TRACE
        private set

    /** Every layer's features reduced to 2-D, for the layer grid and penultimate figures and embeddings.npy. */
    fun embeddings(projection: Projection = pca(2)) {
        this.projection = when (projection) {
            is Pca -> EngineProjection.Pca()
            is RandomProjection -> EngineProjection.Random()
            is Umap -> EngineProjection.Umap(projection.samples, projection.neighbours, projection.minDist)
        }
    }

    /**
     * NC1–NC4 (Papyan, Han & Donoho 2020), CDNV, nearest-class-centre accuracy on train and test
     * samples, and He & Su's separation D_l with its fit across depth. [nc1] picks which NC1 the
     * figures and the verdict lead with; metrics.csv has all three.
     */
    fun neuralCollapse(nc1: Nc1Variant = trace) {
        collapse = true
        this.nc1 = nc1.spec
    }

    /** TwoNN intrinsic dimension (Facco et al. 2017) on a stratified subset of [samples] probe samples. */
    fun intrinsicDimension(samples: Int = 2000) {
        requireValue(samples >= 3) { "intrinsicDimension(samples = $samples): must be >= 3" }
        intrinsicDimension = samples
    }

    /** Accuracy of a ridge-regularised linear classifier on each layer's frozen features, train and test. */
    fun linearProbe() {
        linearProbe = true
    }

    /** Linear CKA (Kornblith et al. 2019) between layers and between epochs, on [samples] probe samples. */
    fun cka(samples: Int = 1000) {
        requireValue(samples >= 2) { "cka(samples = $samples): must be >= 2" }
        cka = samples
    }

    /** ‖θ_l − θ_l(0)‖/‖θ_l(0)‖ for every layer. */
    fun weightMovement() {
        weightMovement = true
    }

    /** Each layer's PCA spectrum (effective ranks are always measured). */
    fun spectrum() {
        spectrum = true
    }

    /**
     * For 2-D inputs: the predicted class over the input plane on a [resolution]² grid (decision
     * regions), and the vector field of the map from the input into the last 2-unit hidden layer.
     */
    fun decisionRegions(resolution: Int = 150) {
        requireValue(resolution in 2..1000) { "decisionRegions(resolution = $resolution): must be between 2 and 1000" }
        inputGrid = resolution
    }

    internal val wantsInputPlane: Boolean get() = inputGrid > 0

    /**
     * The empirical NTK on [samples] probe samples (layerwise, no per-sample Jacobian): its spectrum,
     * the labels' projections on its eigenvectors, kernel-target alignment and mutual information.
     */
    fun ntk(samples: Int = 500) {
        requireValue(samples >= 2) { "ntk(samples = $samples): must be >= 2" }
        ntk = samples
    }

    /** Hidden-neuron positions z = −√d b w/‖w‖² and attractors, for one-hidden-layer networks. */
    fun neurons() {
        neurons = true
    }

    /** Every probe above, with PCA embeddings. */
    fun representationGeometry() {
        embeddings()
        neuralCollapse(nc1 = nc1Variant(nc1))
        intrinsicDimension()
        linearProbe()
        cka()
        weightMovement()
        spectrum()
    }

    /** The probe settings for a network with [hidden] hidden layers, probed at [at] epochs (null: every [every]). */
    internal fun build(hidden: Int, at: IntArray? = null): ProbeConfig {
        requireValue(projection != null || collapse || intrinsicDimension > 0 || linearProbe || cka > 0 || weightMovement || spectrum
            || inputGrid > 0 || ntk > 0 || neurons) {
            "probe { } takes at least one probe, e.g. embeddings(), neuralCollapse() or representationGeometry()"
        }
        return ProbeConfig(every, samples, layers?.map { layerIndex(it, hidden) }?.toIntArray(), projection, collapse,
            intrinsicDimension, linearProbe, cka, weightMovement, spectrum, at, inputGrid, ntk, neurons)
    }

    private fun nc1Variant(spec: ReportSpec.Nc1) = when (spec) {
        ReportSpec.Nc1.TRACE -> trace
        ReportSpec.Nc1.QUOTIENT -> quotient
        ReportSpec.Nc1.CDNV -> cdnv
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
