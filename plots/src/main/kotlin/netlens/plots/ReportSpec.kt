package netlens.plots

/**
 * The figures a report shows, in order, and which NC1 variant the figures and the verdict lead
 * with (all three are in metrics.csv).
 */
data class ReportSpec(val sections: List<Section>, val nc1: Nc1 = Nc1.TRACE) {
    /** NC1 variants (docs/science.md §3). */
    enum class Nc1(val metric: String, val label: String) {
        /** Tr(Σ_W Σ_B⁺)/K, Papyan et al. 2020. */
        TRACE("nc1", "NC1 = Tr(Σ_W Σ_B⁺)/K"),
        /** Tr Σ_W / Tr Σ_B, Tirer et al. */
        QUOTIENT("nc1_quotient", "NC1 = Tr Σ_W / Tr Σ_B"),
        /** Class-distance normalised variance, Galanti et al. */
        CDNV("cdnv", "CDNV"),
    }

    sealed interface Section

    /** Training and test loss and accuracy against epoch. */
    data object TrainingCurves : Section

    /**
     * Every layer's 2-D embedding at a few probe epochs: [epochs] (nearest probed), or the first,
     * a middle and the last probe when null. At most [pointsPerClass] points per class are drawn
     * (null: about 1,000 per panel, so reports with many classes stay light).
     */
    data class LayerGrid(val epochs: List<Int>? = null, val pointsPerClass: Int? = null) : Section

    /** The penultimate layer at the last probe, with class means and (optionally) the nearest simplex ETF. */
    data class Penultimate(val withEtf: Boolean = true, val pointsPerClass: Int? = null) : Section


    /** NC1–NC4 against epoch for every layer. */
    data object CollapseCurves : Section

    /** NC1, He–Su separation, intrinsic dimension, NCC and linear-probe accuracy against depth, at a few epochs. */
    data class DepthProfiles(val epochs: List<Int>? = null) : Section

    /** Linear CKA between layers (last probe) and between epochs (each layer). */
    data object CkaHeatmaps : Section

    /** Each layer's PCA spectrum at the last probe, with its effective rank. */
    data object Spectra : Section

    /** Relative weight movement per layer against epoch. */
    data object WeightMovement : Section

    /** 2-D inputs: the predicted class over the input plane at the end, with the training data. */
    data object DecisionRegions : Section

    /** The last 2-unit hidden layer at the end of training. */
    data object Bottleneck : Section

    /** The 2-unit layer at up to [frames] probe epochs, spread evenly over the probes. */
    data class BottleneckEvolution(val frames: Int = 6) : Section

    /** Where the map from the input plane into the 2-unit layer sends each point. */
    data object VectorField : Section

    /** Per-class direction of the 2-unit layer's points: histograms with circular mean ± std. */
    data object Angles : Section

    /** The empirical NTK at the first and last probes: spectrum, label projections; its alignment over training. */
    data object NtkSpectra : Section

    /** Hidden neurons' positions z at initialisation and at the end, with the attractor count. */
    data object NeuronPositions : Section

    companion object {
        /** Points per class when a figure leaves it open: about [total] in all, at least 30 per class. */
        fun pointsPerClass(requested: Int?, classes: Int, total: Int): Int = requested ?: maxOf(30, minOf(300, total / classes))

        val DEFAULT = ReportSpec(listOf(TrainingCurves, DecisionRegions, Bottleneck, BottleneckEvolution(), VectorField, Angles,
            LayerGrid(), Penultimate(), CollapseCurves, DepthProfiles(), CkaHeatmaps, Spectra, WeightMovement, NtkSpectra, NeuronPositions))

        /** The sections drawn once across all variants, side by side; the others go on each variant's page. */
        fun sideBySide(s: Section) = s is TrainingCurves || s is DecisionRegions || s is Bottleneck || s is BottleneckEvolution ||
            s is VectorField || s is Angles
    }
}
