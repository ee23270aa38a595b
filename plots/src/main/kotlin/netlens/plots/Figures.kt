package netlens.plots

/** The built-in figures in the order a report shows them; a report without a report { } block draws every one its probes allow. */
object Figures {
    val builtIn: List<Figure> = listOf(
        TrainingCurves, DecisionRegions, Bottleneck, BottleneckEvolution(), VectorField, Angles,
        LayerGrid(), Penultimate(), CollapseCurves, Nc1TwoWaysFigure, DepthProfiles(), IdProfiles, CustomCurves, CkaHeatmaps, CkaVariantsFigure,
        Spectra, DimensionScalesFigure, WeightMovement, NtkSpectra, NeuronPositions,
    )
}
