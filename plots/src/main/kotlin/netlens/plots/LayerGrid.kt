package netlens.plots

import java.util.Locale
import kotlin.math.abs
import org.jetbrains.letsPlot.coord.coordFixed
import org.jetbrains.letsPlot.facet.facetGrid
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.geom.geomText
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleXContinuous
import org.jetbrains.letsPlot.scale.scaleYContinuous
import org.jetbrains.letsPlot.themes.elementBlank
import org.jetbrains.letsPlot.themes.theme
import org.jetbrains.letsPlot.themes.themeBW

/**
 * Every layer's 2-D PCA embedding (columns, input to logits) at a few probe epochs (rows). Each
 * panel is scaled by its largest coordinate, the same factor on both axes, so shapes and the
 * PC1:PC2 aspect survive while layers of very different scales share one grid; the share of
 * variance the two axes explain is written in each panel. At most [pointsPerClass] points per class
 * are drawn (null: about 600 per panel, 200 per class for 3 classes, so the page stays light; the
 * explorer above it draws 300 per class at every epoch), at [epochs] (nearest probed), or the
 * first, a middle and the last probe when null.
 */
data class LayerGrid(val epochs: List<Int>? = null, val pointsPerClass: Int? = null) : Figure {
    override val id = "layer-grid"
    override val call = "layerGrid()"
    override val needs = listOf(Need("embeddings", Where.ANY_LAYER, "probe { embeddings() }"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        val picked = view.pickProbes(epochs)
        val perClass = ReportSpec.pointsPerClass(pointsPerClass, view.classNames.size, 600)
        val keep = view.subsample(perClass)
        val x = mutableListOf<Double>()
        val y = mutableListOf<Double>()
        val cls = mutableListOf<String>()
        val layer = mutableListOf<String>()
        val epoch = mutableListOf<String>()
        val note = mutableListOf<String>()
        val noteLayer = mutableListOf<String>()
        val noteEpoch = mutableListOf<String>()
        for (probe in picked) {
            val epochLabel = "epoch ${probe.epoch()}"
            for (lp in view.layers) {
                val coords = view.matrix(probe, lp.name(), "embeddings")?.values() ?: continue
                val name = lp.label()
                val scale = keep.maxOf { maxOf(abs(coords[2 * it]), abs(coords[2 * it + 1])).toDouble() }.takeIf { it > 0 } ?: 1.0
                for (i in keep) {
                    x += coords[2 * i] / scale; y += coords[2 * i + 1] / scale
                    cls += view.classNames[view.labels[i]]; layer += name; epoch += epochLabel
                }
                val explained = (view.scalar(probe, lp.name(), "pca_explained_1") ?: 0.0) + (view.scalar(probe, lp.name(), "pca_explained_2") ?: 0.0)
                note += String.format(Locale.ROOT, "%.0f%%", 100 * explained)
                noteLayer += name; noteEpoch += epochLabel
            }
        }
        val points = mapOf("pc1" to x, "pc2" to y, "class" to cls, "layer" to layer, "epoch" to epoch)
        val notes = mapOf("pc1" to note.map { -1.0 }, "pc2" to note.map { 1.0 }, "text" to note, "layer" to noteLayer, "epoch" to noteEpoch)
        if (x.isEmpty()) return null
        val columns = view.layers.size
        val plot = letsPlot(points) +
            geomPoint(size = 1.2, alpha = 0.6) { this.x = "pc1"; this.y = "pc2"; color = "class" } +
            geomText(data = notes, size = 7, hjust = 0, vjust = 1, color = "#555555") { this.x = "pc1"; this.y = "pc2"; label = "text" } +
            Palette.classColour(view.classNames) +
            facetGrid(x = "layer", y = "epoch", xOrder = 0, yOrder = 0) +
            scaleXContinuous(limits = -1.08 to 1.08) + scaleYContinuous(limits = -1.08 to 1.08) + coordFixed() +
            labs(x = "PC 1", y = "PC 2") + themeBW() +
            theme(axisText = elementBlank(), axisTicks = elementBlank(), panelGrid = elementBlank()) +
            ggsize(100 + 150 * columns, 60 + 150 * picked.size)
        val shown = picked.joinToString(", ") { it.epoch().toString() }
        return FigureOut(
            id, "Layer by layer",
            "Training samples in each layer's first two principal components at epochs $shown " +
                "(at most $perClass points per class drawn). Each panel is scaled to fit, equally on both axes; " +
                "the percentage is the share of variance the two components explain.",
            plot,
        )
    }
}
