package netlens.plots

import org.jetbrains.letsPlot.intern.Feature
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.scale.scaleFillManual

/**
 * Colours fixed by class order (Tableau 10, then a second cycle), so a class has the same colour in
 * every panel and every figure, whatever subset of classes a panel happens to show.
 */
internal object Palette {
    private val tableau = listOf(
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    )
    private val extra = listOf(
        "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e",
        "#e6ab02", "#a6761d", "#666666", "#1f78b4", "#b2df8a",
    )

    fun colours(n: Int): List<String> = List(n) { i -> (tableau + extra)[i % (tableau.size + extra.size)] }

    fun classColour(classNames: List<String>, name: String = "class"): Feature =
        scaleColorManual(values = colours(classNames.size), limits = classNames, name = name)

    fun classFill(classNames: List<String>, name: String = "class"): Feature =
        scaleFillManual(values = colours(classNames.size), limits = classNames, name = name)

    /** Sequential colours for layers, shallow (light) to deep (dark), from viridis. */
    fun layers(n: Int): List<String> {
        val viridis = listOf("#fde725", "#b5de2b", "#6ece58", "#35b779", "#1f9e89", "#26828e", "#31688e", "#3e4989", "#482878", "#440154")
        if (n <= 1) return listOf(viridis[5])
        return List(n) { i -> viridis[(i * (viridis.size - 1).toDouble() / (n - 1)).toInt()] }
    }
}
