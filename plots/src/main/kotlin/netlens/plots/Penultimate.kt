package netlens.plots

import java.util.Locale
import org.jetbrains.letsPlot.coord.coordFixed
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.geom.geomSegment
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.themes.themeBW

/** A height that suits the drawing's aspect ratio under coordFixed, for a panel about [plotWidth] wide. */
private fun heightFor(points: Map<String, List<Any>>, plotWidth: Int): Int {
    val xs = points.getValue("pc1").map { (it as Number).toDouble() }
    val ys = points.getValue("pc2").map { (it as Number).toDouble() }
    if (xs.isEmpty()) return 400
    val aspect = (ys.max() - ys.min()) / (xs.max() - xs.min()).coerceAtLeast(1e-12)
    return (plotWidth * aspect).toInt().coerceIn(220, 700) + 90
}

/**
 * The penultimate layer at the last probe in its first two principal components, with the class
 * means (large dots) and, with [withEtf], the nearest simplex ETF (hollow diamonds, spokes from its centre).
 */
data class Penultimate(val withEtf: Boolean = true, val pointsPerClass: Int? = null) : Figure {
    override val id = "penultimate"
    override val call = "penultimate()"
    override val needs = listOf(Need("embeddings", Where.PENULTIMATE, "probe { embeddings() } at the penultimate layer"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        val probe = view.probes.lastOrNull() ?: return null
        val lp = view.layer(view.penultimate) ?: return null
        val coords = view.matrix(probe, lp.name(), "embeddings")?.values() ?: return null
        val keep = view.subsample(ReportSpec.pointsPerClass(pointsPerClass, view.classNames.size, 2000))
        val k = view.classNames.size
        val points = mapOf(
            "pc1" to keep.map { coords[2 * it] },
            "pc2" to keep.map { coords[2 * it + 1] },
            "class" to keep.map { view.classNames[view.labels[it]] },
        )
        val means = view.matrix(probe, lp.name(), "class_means_2d")?.values()
        val etf = view.matrix(probe, lp.name(), "etf_2d")?.values()
        var plot = letsPlot(points) +
            geomPoint(size = 1.2, alpha = 0.35) { x = "pc1"; y = "pc2"; color = "class" }
        if (withEtf && etf != null) {
            val cx = (0 until k).sumOf { etf[2 * it].toDouble() } / k
            val cy = (0 until k).sumOf { etf[2 * it + 1].toDouble() } / k
            val spokes = mapOf(
                "x" to List(k) { cx }, "y" to List(k) { cy },
                "xend" to List(k) { etf[2 * it] }, "yend" to List(k) { etf[2 * it + 1] },
            )
            plot += geomSegment(data = spokes, color = "#555555", linetype = "dashed", size = 0.7) { x = "x"; y = "y"; xend = "xend"; yend = "yend" }
            plot += geomPoint(data = mapOf("pc1" to List(k) { etf[2 * it] }, "pc2" to List(k) { etf[2 * it + 1] }),
                shape = 5, size = 6, color = "#222222", stroke = 1.5) { x = "pc1"; y = "pc2" }
        }
        if (means != null) {
            plot += geomPoint(data = mapOf("pc1" to List(k) { means[2 * it] }, "pc2" to List(k) { means[2 * it + 1] }, "class" to view.classNames),
                shape = 21, size = 5, color = "#000000", stroke = 1.2) { x = "pc1"; y = "pc2"; fill = "class" }
        }
        plot += Palette.classColour(view.classNames) + Palette.classFill(view.classNames) + coordFixed() +
            labs(x = String.format(Locale.ROOT, "PC 1 (%.0f%%)", 100 * (view.scalar(probe, lp.name(), "pca_explained_1") ?: 0.0)),
                y = String.format(Locale.ROOT, "PC 2 (%.0f%%)", 100 * (view.scalar(probe, lp.name(), "pca_explained_2") ?: 0.0))) +
            themeBW() + ggsize(640, heightFor(points, 500))
        val etfError = view.scalar(probe, lp.name(), "nc2_etf_error")
        val numbers = if (etfError == null) "" else String.format(Locale.ROOT, " ETF error %.3g, equinorm %.3g, equiangularity %.3g.",
            etfError, view.scalar(probe, lp.name(), "nc2_equinorm"), view.scalar(probe, lp.name(), "nc2_equiangularity"))
        val etfNote = if (withEtf) " Diamonds: the simplex ETF nearest the means (best rotation and scale), projected the same way." else ""
        return FigureOut(
            id, "Penultimate layer ${lp.label()} at epoch ${probe.epoch()}",
            "Samples and class means (large dots) in the layer's first two principal components.$etfNote$numbers" +
                if (k > 3) " With K = $k classes the simplex spans ${k - 1} dimensions, so its 2-D shadow is not regular." else "",
            plot,
        )
    }
}
