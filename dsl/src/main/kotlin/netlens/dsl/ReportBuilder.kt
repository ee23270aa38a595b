package netlens.dsl

import netlens.plots.ReportSpec

@NetlensDsl
class ReportBuilder internal constructor() {
    private val sections = mutableListOf<ReportSpec.Section>()

    /** Every layer's 2-D embedding at the first, a middle and the last probe (or the given epochs). */
    fun layerGrid(epochs: List<Int>? = null, pointsPerClass: Int? = null) {
        requireValue(pointsPerClass == null || pointsPerClass >= 1) { "layerGrid(pointsPerClass = $pointsPerClass): must be >= 1" }
        requireValue(epochs == null || (epochs.isNotEmpty() && epochs.all { it >= 0 })) { "layerGrid(epochs = $epochs): list epochs >= 0" }
        sections += ReportSpec.LayerGrid(epochs, pointsPerClass)
    }

    /** The penultimate layer at the end, with class means and, with [withEtf], the nearest simplex ETF. */
    fun penultimate(withEtf: Boolean = true, pointsPerClass: Int? = null) {
        requireValue(pointsPerClass == null || pointsPerClass >= 1) { "penultimate(pointsPerClass = $pointsPerClass): must be >= 1" }
        sections += ReportSpec.Penultimate(withEtf, pointsPerClass)
    }

    /** NC1–NC4 against epoch for every layer. */
    fun collapseCurves() {
        sections += ReportSpec.CollapseCurves
    }

    /** Loss and accuracy against epoch. */
    fun trainingCurves() {
        sections += ReportSpec.TrainingCurves
    }

    /** NC1, He–Su separation, intrinsic dimension, NCC and linear-probe accuracy against depth, at the first, a middle and the last probe (or [epochs]). */
    fun depthProfiles(epochs: List<Int>? = null) {
        requireValue(epochs == null || (epochs.isNotEmpty() && epochs.all { it >= 0 })) { "depthProfiles(epochs = $epochs): list epochs >= 0" }
        sections += ReportSpec.DepthProfiles(epochs)
    }

    /** Linear CKA heatmaps between layers and between epochs. */
    fun ckaHeatmaps() {
        sections += ReportSpec.CkaHeatmaps
    }

    /** Each layer's PCA spectrum at the end. */
    fun spectra() {
        sections += ReportSpec.Spectra
    }

    /** Relative weight movement per layer against epoch. */
    fun weightMovement() {
        sections += ReportSpec.WeightMovement
    }

    /** 2-D inputs: the predicted class over the input plane, with the training data. */
    fun decisionRegions() {
        sections += ReportSpec.DecisionRegions
    }

    /** The last 2-unit hidden layer at the end of training. */
    fun bottleneck() {
        sections += ReportSpec.Bottleneck
    }

    /** The 2-unit layer at up to [frames] probe epochs (use probe(at = logSpaced(…)) for log-spaced frames). */
    fun bottleneckEvolution(frames: Int = 6) {
        requireValue(frames in 1..20) { "bottleneckEvolution(frames = $frames): must be between 1 and 20" }
        sections += ReportSpec.BottleneckEvolution(frames)
    }

    /** Arrows from the input plane towards the 2-unit layer's activations. */
    fun vectorField() {
        sections += ReportSpec.VectorField
    }

    /** Per-class directions in the 2-unit layer, with circular mean ± std. */
    fun angles() {
        sections += ReportSpec.Angles
    }

    /** The empirical NTK: spectrum and label projections at the first and last probe, alignment over training. */
    fun ntkSpectra() {
        sections += ReportSpec.NtkSpectra
    }

    /** Hidden neurons' positions at initialisation and at the end. */
    fun neuronPositions() {
        sections += ReportSpec.NeuronPositions
    }

    internal fun build(): List<ReportSpec.Section> {
        requireValue(sections.isNotEmpty()) { "report { } lists no figures; e.g. report { trainingCurves() }" }
        return sections.toList()
    }
}
