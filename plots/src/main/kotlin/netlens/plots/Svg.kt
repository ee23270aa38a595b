package netlens.plots

import org.jetbrains.letsPlot.Figure
import org.jetbrains.letsPlot.commons.encoding.UnsupportedRGBEncoder
import org.jetbrains.letsPlot.core.util.PlotSvgExportCommon
import org.jetbrains.letsPlot.intern.toSpec

/** Renders figures to SVG on the JVM, so reports need no JavaScript and open offline. */
internal object Svg {
    /**
     * The figure as an SVG string whose element ids start with [id]. Lets-Plot draws random ids;
     * replacing them keeps reports reproducible byte for byte and ids unique within a page.
     */
    fun render(figure: Figure, id: String): String {
        val svg = PlotSvgExportCommon.buildSvgImageFromRawSpecs(figure.toSpec(), null, UnsupportedRGBEncoder(), false)
        return scalable(compact(stableIds(svg, id)))
    }

    /** Adds a viewBox from the root's width and height, so CSS can shrink the figure instead of clipping it. */
    internal fun scalable(svg: String): String {
        val root = rootTag.find(svg) ?: return svg
        if (root.value.contains("viewBox")) return svg
        val w = Regex("""\bwidth="([\d.]+)"""").find(root.value)?.groupValues?.get(1) ?: return svg
        val h = Regex("""\bheight="([\d.]+)"""").find(root.value)?.groupValues?.get(1) ?: return svg
        return svg.replaceRange(root.range, root.value.replaceFirst("<svg ", "<svg viewBox=\"0 0 $w $h\" "))
    }

    private val rootTag = Regex("""<svg\b[^>]*>""")

    internal fun stableIds(svg: String, prefix: String): String {
        val ids = Regex("""\bid="([^"]+)"""").findAll(svg).map { it.groupValues[1] }.distinct().toList()
        if (ids.isEmpty()) return svg
        val renamed = ids.withIndex().associate { (i, old) -> old to "$prefix-$i" }
        val alternatives = ids.sortedByDescending { it.length }.joinToString("|") { Regex.escape(it) }
        // Only where an id can appear: its definition, and references as #id (url(#id), href, CSS selectors).
        return Regex("""(?<=id=")(?:$alternatives)(?=")|(?<=#)(?:$alternatives)(?![\w-])""").replace(svg) { renamed.getValue(it.value) }
    }

    /**
     * Coordinates in attributes to 2 decimals (a hundredth of a pixel): a third less SVG, no visible
     * change. Lets-Plot also gives every point an invisible stroke (opacity 0, width 0); without it a
     * scatter plot's SVG is 40 % smaller and draws the same.
     */
    internal fun compact(svg: String): String =
        attribute.replace(svg) { attr -> longDecimal.replace(attr.value, "$1") }.replace(invisibleStroke, "")

    private val invisibleStroke = Regex(""" stroke="[^"]*" stroke-opacity="0\.0" stroke-width="0\.0"""")

    private val attribute = Regex("""="[^"]*"""")
    private val longDecimal = Regex("""(\d\.\d\d)\d+""")
}
