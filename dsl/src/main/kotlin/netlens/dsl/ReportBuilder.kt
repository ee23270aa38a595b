package netlens.dsl

import netlens.plots.Angles
import netlens.plots.Bottleneck
import netlens.plots.BottleneckEvolution
import netlens.plots.CkaHeatmaps
import netlens.plots.CkaVariantsFigure
import netlens.plots.CollapseCurves
import netlens.plots.CustomCurves
import netlens.plots.DecisionRegions
import netlens.plots.DepthProfiles
import netlens.plots.DimensionScalesFigure
import netlens.plots.Export
import netlens.plots.IdProfiles
import netlens.plots.Figure
import netlens.plots.LayerGrid
import netlens.plots.Metrics
import netlens.plots.Nc1TwoWaysFigure
import netlens.plots.NeuronPositions
import netlens.plots.NtkSpectra
import netlens.plots.Penultimate
import netlens.plots.ScriptFigure
import netlens.plots.Spectra
import netlens.plots.TrainingCurves
import netlens.plots.VectorField
import netlens.plots.WeightMovement

/** The figures of `report { … }`, in the order they are listed. */
@NetlensDsl
class ReportBuilder internal constructor() {
    private val figures = mutableListOf<Figure>()

    /** Adds a figure: the one place a figure call lands. */
    fun show(figure: Figure) {
        requireValue(figures.none { it.id == figure.id }) { "report: ${figure.call} is listed twice" }
        figures += figure
    }

    /** Every layer's 2-D embedding at the first, a middle and the last probe (or the given epochs). */
    fun layerGrid(epochs: List<Int>? = null, pointsPerClass: Int? = null) {
        requireValue(pointsPerClass == null || pointsPerClass >= 1) { "layerGrid(pointsPerClass = $pointsPerClass): must be >= 1" }
        requireValue(epochs == null || (epochs.isNotEmpty() && epochs.all { it >= 0 })) { "layerGrid(epochs = $epochs): list epochs >= 0" }
        show(LayerGrid(epochs, pointsPerClass))
    }

    /** The penultimate layer at the end, with class means and, with [withEtf], the nearest simplex ETF. */
    fun penultimate(withEtf: Boolean = true, pointsPerClass: Int? = null) {
        requireValue(pointsPerClass == null || pointsPerClass >= 1) { "penultimate(pointsPerClass = $pointsPerClass): must be >= 1" }
        show(Penultimate(withEtf, pointsPerClass))
    }

    /** NC1–NC4 against epoch for every layer. */
    fun collapseCurves() = show(CollapseCurves)

    /** NC1 as Tr(Σ_W Σ_B⁺)/K beside the trace ratio Tr Σ_W / Tr Σ_B, against epoch. */
    fun nc1TwoWays() = show(Nc1TwoWaysFigure)

    /** Loss and accuracy against epoch. */
    fun trainingCurves() = show(TrainingCurves)

    /** NC1, He–Su separation, intrinsic dimension, NCC and linear-probe accuracy (and custom scalars) against depth, at the first, a middle and the last probe (or [epochs]). */
    fun depthProfiles(epochs: List<Int>? = null) {
        requireValue(epochs == null || (epochs.isNotEmpty() && epochs.all { it >= 0 })) { "depthProfiles(epochs = $epochs): list epochs >= 0" }
        show(DepthProfiles(epochs))
    }

    /** The scalars of the script's custom(…) probes against epoch, one line per layer. */
    fun customCurves() = show(CustomCurves)

    /** Linear CKA heatmaps between layers and between epochs. */
    fun ckaHeatmaps() = show(CkaHeatmaps)

    /** Intrinsic dimension (TwoNN) against depth at initialisation and at the end, every variant on one set of axes (Ansuini et al. 2019). */
    fun idProfiles() = show(IdProfiles)

    /** Linear, debiased linear and RBF CKA between layers at the end. */
    fun ckaVariants() = show(CkaVariantsFigure)

    /** Intrinsic dimension against scale (GRIDE) and against k (Levina–Bickel) at the end. */
    fun dimensionScales() = show(DimensionScalesFigure)

    /** Each layer's PCA spectrum at the end. */
    fun spectra() = show(Spectra)

    /** Relative weight movement per layer against epoch. */
    fun weightMovement() = show(WeightMovement)

    /** 2-D inputs: the predicted class over the input plane, with the training data. */
    fun decisionRegions() = show(DecisionRegions)

    /** The last 2-unit hidden layer at the end of training. */
    fun bottleneck() = show(Bottleneck)

    /** The 2-unit layer at up to [frames] probe epochs (use probe(at = logSpaced(…)) for log-spaced frames). */
    fun bottleneckEvolution(frames: Int = 6) {
        requireValue(frames in 1..20) { "bottleneckEvolution(frames = $frames): must be between 1 and 20" }
        show(BottleneckEvolution(frames))
    }

    /** Arrows from the input plane towards the 2-unit layer's activations. */
    fun vectorField() = show(VectorField)

    /** Per-class directions in the 2-unit layer, with circular mean ± std. */
    fun angles() = show(Angles)

    /** The empirical NTK: spectrum and label projections at the first and last probe, alignment over training. */
    fun ntkSpectra() = show(NtkSpectra)

    /** Hidden neurons' positions at initialisation and at the end. */
    fun neuronPositions() = show(NeuronPositions)

    /**
     * A figure drawn by the script with Lets-Plot's own API from the run's metrics (the rows of
     * metrics.csv as a data frame: epoch, layer, metric, value, and variant), e.g.
     * `figure("Margin spread") { metrics -> letsPlot(metrics["margin_spread"]) + geomLine { x = "epoch"; y = "value"; color = "layer" } }`.
     */
    fun figure(title: String, caption: String = "Drawn by the script from metrics.csv.", draw: (Metrics) -> org.jetbrains.letsPlot.Figure) {
        requireValue(title.isNotBlank()) { "figure(title = …): give the figure a title" }
        show(ScriptFigure(title, caption) { metrics -> UserCode.run("figure(\"$title\")") { draw(metrics) } })
    }

    internal var export: Export? = null
        private set

    /**
     * Also writes every figure as PNG and vector PDF beside its SVG, [width] inches wide (7: a
     * two-column page's full width; 3.5: one column): `export(png(dpi = 300), pdf())`.
     */
    fun export(vararg formats: FigureFormat, width: Number = 7.0) {
        requireValue(formats.isNotEmpty()) { "export(…): name a format, e.g. export(png(dpi = 300), pdf())" }
        val dpi = formats.filterIsInstance<FigureFormat.Png>().firstOrNull()?.dpi ?: 300
        export = try {
            Export(formats.any { it is FigureFormat.Png }, formats.any { it is FigureFormat.Pdf }, dpi, width.toDouble())
        } catch (e: IllegalArgumentException) {
            throw ScriptValueException(e.message!!)
        }
    }

    internal val networks = mutableListOf<String>()

    /**
     * Saves the trained network into the report folder, the format told by each name: `.safetensors`
     * loads in PyTorch into `nn.Sequential(Linear, σ, …, Linear)` (σ in the file's metadata),
     * `.onnx` runs in ONNX Runtime: `saveNetwork("network.safetensors", "network.onnx")`.
     */
    fun saveNetwork(vararg files: String) {
        requireValue(files.isNotEmpty()) { "saveNetwork(…): name a file, e.g. saveNetwork(\"network.safetensors\", \"network.onnx\")" }
        for (f in files) {
            requireValue(!f.contains('/') && !f.contains('\\') && (f.endsWith(".safetensors") || f.endsWith(".onnx"))) {
                "saveNetwork(\"$f\"): give a file name in the report folder ending in .safetensors or .onnx"
            }
            networks += f
        }
    }

    /** The figures listed, or null for every figure the probes allow; a block that lists nothing at all is refused. */
    internal fun build(): List<Figure>? {
        requireValue(figures.isNotEmpty() || export != null || networks.isNotEmpty()) { "report { } lists no figures; e.g. report { trainingCurves() }" }
        return figures.toList().ifEmpty { null }
    }
}

/** A file format for figures, for `report { export(…) }`. */
sealed interface FigureFormat {
    class Png internal constructor(val dpi: Int) : FigureFormat
    object Pdf : FigureFormat
}

/** PNG at [dpi] dots per inch. */
fun png(dpi: Int = 300): FigureFormat = FigureFormat.Png(dpi)

/** Vector PDF, text as outlines. */
fun pdf(): FigureFormat = FigureFormat.Pdf
