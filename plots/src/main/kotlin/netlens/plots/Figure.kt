package netlens.plots

/**
 * A figure a report can draw. It states the measurements it draws from ([needs]); a report draws
 * it when a run has them, and a script that asks for it without the probes that make them is
 * refused before training.
 */
interface Figure {
    /** Stable id: the SVG's file name and the page anchor. */
    val id: String

    /** The call that puts it in a report, for messages, e.g. "layerGrid()". */
    val call: String

    /** What it draws from: each need must be met. */
    val needs: List<Need>

    /** Drawn once across variants, one panel per variant (else on each variant's own page). */
    val sideBySide: Boolean get() = false

    /** The figure, or null when the runs hold nothing to draw. */
    fun draw(d: Drawing): FigureOut?
}

/** Where a figure wants a measurement. */
enum class Where { ANY_LAYER, HIDDEN_LAYER, PENULTIMATE, NETWORK }

/**
 * A measurement a figure needs: any one of [names] at a site of kind [where]; [hint] says which
 * probe gives it, for the message when none does.
 */
data class Need(val names: List<String>, val where: Where, val hint: String) {
    constructor(name: String, where: Where, hint: String) : this(listOf(name), where, hint)

    companion object {
        /** Stands for any scalar a script's own probe (custom(…)) measures. */
        const val SCRIPTED = "<custom>"
    }
}

/** What a figure is drawn from: the runs (one, or a report's variants) and the NC1 the report leads with. */
class Drawing(val runs: List<Run>, val nc1: ReportSpec.Nc1 = ReportSpec.Nc1.TRACE) {
    /** The single run of a one-run report (or the first variant). */
    val run: Run get() = runs.first()
}

/** A rendered-to-be figure: a stable id (used for file names and SVG ids), a title and a caption. */
class FigureOut(val id: String, val title: String, val caption: String, val figure: org.jetbrains.letsPlot.Figure)

/** Named columns for a Lets-Plot data frame, filled row by row. */
internal class Columns(vararg names: String) {
    private val cols = names.associateWith { mutableListOf<Any>() }
    val map: Map<String, List<Any>> get() = cols

    fun add(vararg values: Any) {
        cols.values.zip(values.toList()).forEach { (c, v) -> c += v }
    }

    fun isEmpty() = cols.values.first().isEmpty()
}
