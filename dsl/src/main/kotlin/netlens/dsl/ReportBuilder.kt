package netlens.dsl

import netlens.plots.ReportSpec

@NetlensDsl
class ReportBuilder internal constructor() {
    private val sections = mutableListOf<ReportSpec.Section>()

    /** Every layer's 2-D embedding at the first, a middle and the last probe (or the given epochs). */
    fun layerGrid(epochs: List<Int>? = null, pointsPerClass: Int = 300) {
        requireValue(pointsPerClass >= 1) { "layerGrid(pointsPerClass = $pointsPerClass): must be >= 1" }
        requireValue(epochs == null || (epochs.isNotEmpty() && epochs.all { it >= 0 })) { "layerGrid(epochs = $epochs): list epochs >= 0" }
        sections += ReportSpec.LayerGrid(epochs, pointsPerClass)
    }

    /** The penultimate layer at the end, with class means and, with [withEtf], the nearest simplex ETF. */
    fun penultimate(withEtf: Boolean = true, pointsPerClass: Int = 500) {
        requireValue(pointsPerClass >= 1) { "penultimate(pointsPerClass = $pointsPerClass): must be >= 1" }
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

    internal fun build(): ReportSpec {
        requireValue(sections.isNotEmpty()) { "report { } lists no figures; e.g. report { trainingCurves() }" }
        return ReportSpec(sections.toList())
    }
}
