package netlens.plots

/** The figures a report shows, in order. */
data class ReportSpec(val sections: List<Section>) {
    sealed interface Section

    /** Training and test loss and accuracy against epoch. */
    data object TrainingCurves : Section

    /**
     * Every layer's 2-D embedding at a few probe epochs: [epochs] (nearest probed), or the first,
     * a middle and the last probe when null. At most [pointsPerClass] points per class are drawn.
     */
    data class LayerGrid(val epochs: List<Int>? = null, val pointsPerClass: Int = 300) : Section

    /** The penultimate layer at the last probe, with class means and (optionally) the nearest simplex ETF. */
    data class Penultimate(val withEtf: Boolean = true, val pointsPerClass: Int = 500) : Section

    /** NC1–NC4 against epoch for every layer. */
    data object CollapseCurves : Section

    companion object {
        val DEFAULT = ReportSpec(listOf(TrainingCurves, LayerGrid(), Penultimate(), CollapseCurves))
    }
}
