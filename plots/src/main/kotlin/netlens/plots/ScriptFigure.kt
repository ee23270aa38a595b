package netlens.plots

/**
 * Every scalar a report's runs measured, as a Lets-Plot data frame: columns epoch, layer, metric,
 * value (the rows of metrics.csv) and, for variants, variant.
 */
class Metrics internal constructor(private val rows: List<Pair<String, MetricsTable.Row>>) {
    /** Every row. */
    val data: Map<String, List<Any>> get() = frame(rows)

    /** The rows of these metrics, e.g. `metrics["margin_spread"]`. */
    operator fun get(vararg metric: String): Map<String, List<Any>> = filter { it.metric in metric }

    /** The rows a predicate keeps. */
    fun filter(keep: (MetricsTable.Row) -> Boolean): Map<String, List<Any>> = frame(rows.filter { keep(it.second) })

    private fun frame(rows: List<Pair<String, MetricsTable.Row>>): Map<String, List<Any>> = mapOf(
        "epoch" to rows.map { it.second.epoch },
        "layer" to rows.map { it.second.layer },
        "metric" to rows.map { it.second.metric },
        "value" to rows.map { it.second.value },
        "variant" to rows.map { it.first },
    )
}

/**
 * A figure written in a script with Lets-Plot's own API: `figure("title") { metrics -> letsPlot(…) + … }`.
 * It is drawn once for the report (across variants, with their `variant` column) and needs nothing
 * but the metrics; its id comes from its title.
 */
class ScriptFigure(val title: String, val caption: String, private val plot: (Metrics) -> org.jetbrains.letsPlot.Figure) : Figure {
    override val id = "script-" + title.lowercase().replace(Regex("[^a-z0-9]+"), "-").trim('-').ifEmpty { "figure" }
    override val call = "figure(\"$title\") { … }"
    override val needs = emptyList<Need>()
    override val sideBySide = true

    override fun draw(d: Drawing): FigureOut {
        val rows = d.runs.flatMap { r -> MetricsTable.rows(r.results).map { r.label to it } }
        return FigureOut(id, title, caption, plot(Metrics(rows)))
    }
}
