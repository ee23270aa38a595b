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
object CkaHeatmaps : Figure {
    override val id = "cka"
    override val call = "ckaHeatmaps()"
    override val needs = listOf(Need("cka_layers", Where.NETWORK, "probe { cka() }"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        val last = view.probes.lastOrNull { it.measured().table("", "cka_layers") != null } ?: return null
        val table = last.measured().table("", "cka_layers")
        val names = view.layers.map { it.name() }
        val pairs = HashMap<Pair<String, String>, Double>()
        val a = table.texts("layer_a")
        val b = table.texts("layer_b")
        val cka = table.numbers("cka")
        for (i in cka.indices) { pairs[a[i] to b[i]] = cka[i]; pairs[b[i] to a[i]] = cka[i] }
        val ax = mutableListOf<String>()
        val ay = mutableListOf<String>()
        val av = mutableListOf<Double>()
        // Rounding can put a self-similarity a hair above 1; the colour scale stops at 1.
        for (x in names) for (y in names) { ax += x; ay += y; av += (pairs[x to y] ?: Double.NaN).coerceIn(0.0, 1.0) }
        val fill = scaleFillGradient(low = "#f7fbff", high = "#08306b", limits = 0.0 to 1.0, name = "CKA")
        val layers = letsPlot(mapOf("a" to ax, "b" to ay, "cka" to av, "text" to av.map { String.format(Locale.ROOT, "%.2f", it) })) +
            geomTile { x = "a"; y = "b"; this.fill = "cka" } +
            geomText(size = 7, color = "#777777") { x = "a"; y = "b"; label = "text" } +
            fill + labs(title = "between layers, epoch ${last.epoch()}", x = "", y = "") + themeBW()

        val panels = mutableListOf(layers)
        val across = view.results.acrossProbes().table("", "cka_epochs")
        if (across != null && across.rows().isNotEmpty()) {
            val layer = across.texts("layer")
            val ea = across.numbers("epoch_a").map { it.toInt() }
            val eb = across.numbers("epoch_b").map { it.toInt() }
            val value = across.numbers("cka")
            val ex = mutableListOf<Int>()
            val ey = mutableListOf<Int>()
            val ev = mutableListOf<Double>()
            val el = mutableListOf<String>()
            for (i in value.indices) for ((p, q) in listOf(ea[i] to eb[i], eb[i] to ea[i]).distinct()) {
                ex += p; ey += q; ev += value[i].coerceIn(0.0, 1.0); el += layer[i]
            }
            val epochs = (ea + eb).distinct().sorted()
            val step = (epochs.zipWithNext { p, q -> q - p }.minOrNull() ?: 1).toDouble()
            panels += letsPlot(mapOf("a" to ex, "b" to ey, "cka" to ev, "layer" to el)) +
                geomTile(width = step, height = step) { x = "a"; y = "b"; this.fill = "cka" } + fill +
                facetWrap(facets = "layer", ncol = minOf(3, el.toSet().size), order = 0) +
                labs(title = "between epochs, per layer", x = "epoch", y = "epoch") + themeBW()
        }
        return FigureOut(
            id, "Linear CKA",
            "Linear centred kernel alignment (Kornblith et al. 2019) on the same probe samples: 1 means the two representations " +
                "agree up to rotation and scale. Left: every pair of layers at the last probe. Right: each layer against itself at other epochs — " +
                "where it stays near 1 the layer has stopped changing.",
            gggrid(panels, ncol = panels.size, widths = if (panels.size == 2) listOf(1.0, 1.4) else null) + ggsize(1050, 460),
        )
    }
}
