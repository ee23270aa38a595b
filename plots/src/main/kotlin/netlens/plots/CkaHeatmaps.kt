package netlens.plots

import java.util.Locale
import org.jetbrains.letsPlot.facet.facetWrap
import org.jetbrains.letsPlot.geom.geomText
import org.jetbrains.letsPlot.geom.geomTile
import org.jetbrains.letsPlot.gggrid
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleFillGradient
import org.jetbrains.letsPlot.themes.themeBW

/** Linear CKA heatmaps: between layers at the last probe, and between epochs for each layer. */
internal fun ckaHeatmaps(view: ResultView): FigureOut? {
    val last = view.probes.lastOrNull { it.layerCka() != null } ?: return null
    val names = last.layers().map { it.name() }
    val m = last.layerCka()
    val ax = mutableListOf<String>()
    val ay = mutableListOf<String>()
    val av = mutableListOf<Double>()
    // Rounding can put a self-similarity a hair above 1; the colour scale stops at 1.
    for (a in names.indices) for (b in names.indices) { ax += names[a]; ay += names[b]; av += m[a][b].coerceIn(0.0, 1.0) }
    val fill = scaleFillGradient(low = "#f7fbff", high = "#08306b", limits = 0.0 to 1.0, name = "CKA")
    val layers = letsPlot(mapOf("a" to ax, "b" to ay, "cka" to av, "text" to av.map { String.format(Locale.ROOT, "%.2f", it) })) +
        geomTile { x = "a"; y = "b"; this.fill = "cka" } +
        geomText(size = 7, color = "#777777") { x = "a"; y = "b"; label = "text" } +
        fill + labs(title = "between layers, epoch ${last.epoch()}", x = "", y = "") + themeBW()

    val cka = view.results.epochCka()
    val epochs = cka.flatMap { listOf(it.epochA(), it.epochB()) }.distinct().sorted()
    val ex = mutableListOf<Int>()
    val ey = mutableListOf<Int>()
    val ev = mutableListOf<Double>()
    val el = mutableListOf<String>()
    for (c in cka) for ((a, b) in listOf(c.epochA() to c.epochB(), c.epochB() to c.epochA()).distinct()) {
        ex += a; ey += b; ev += c.value().coerceIn(0.0, 1.0); el += c.layer()
    }
    val panels = mutableListOf(layers)
    if (ev.isNotEmpty()) {
        val layerCount = el.toSet().size
        val step = (epochs.zipWithNext { a, b -> b - a }.minOrNull() ?: 1).toDouble()
        panels += letsPlot(mapOf("a" to ex, "b" to ey, "cka" to ev, "layer" to el)) +
            geomTile(width = step, height = step) { x = "a"; y = "b"; this.fill = "cka" } + fill +
            facetWrap(facets = "layer", ncol = minOf(3, layerCount), order = 0) +
            labs(title = "between epochs, per layer", x = "epoch", y = "epoch") + themeBW()
    }
    return FigureOut(
        "cka", "Linear CKA",
        "Linear centred kernel alignment (Kornblith et al. 2019) on the same probe samples: 1 means the two representations " +
            "agree up to rotation and scale. Left: every pair of layers at the last probe. Right: each layer against itself at other epochs — " +
            "where it stays near 1 the layer has stopped changing.",
        gggrid(panels, ncol = panels.size, widths = if (panels.size == 2) listOf(1.0, 1.4) else null) + ggsize(1050, 460),
    )
}
