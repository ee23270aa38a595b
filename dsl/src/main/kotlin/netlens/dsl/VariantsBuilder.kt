package netlens.dsl

import netlens.nn.Activation
import netlens.nn.Init
import netlens.plots.ReportWriter
import netlens.run.ModelSpec
import netlens.util.CanonicalText

/**
 * Variations of one experiment, trained side by side: every combination of the `along(name, values)`
 * axes, then each `variant(name) { … }` on its own. With named variants only, the experiment as
 * declared runs too, first, as "base". Each block runs on a fresh copy of the experiment after its
 * own settings; every variant has a label, and labels that would share a report folder are refused.
 */
@NetlensDsl
open class VariantsBuilder internal constructor() {
    internal class Axis(val name: String, val values: List<Pair<String, ExperimentBuilder.() -> Unit>>)

    internal val axes = mutableListOf<Axis>()
    internal val named = mutableListOf<Pair<String, ExperimentBuilder.() -> Unit>>()

    /** Whether each named variant is run at every combination of the axes (a sweep's series) rather than once. */
    internal open val namedAtEveryCombination = false

    /**
     * One variant per value: e.g. `along("activation", listOf(tanh, relu)) { model = model.with(activation = it) }`.
     * Values are labelled by what tells them apart (for networks or datasets, the settings that differ).
     */
    fun <T> along(name: String, values: Iterable<T>, change: ExperimentBuilder.(T) -> Unit) {
        val list = values.toList()
        requireValue(list.isNotEmpty()) { "along(\"$name\", …): list at least one value" }
        val labels = labels(name, list)
        val repeated = labels.groupBy { it }.filterValues { it.size > 1 }.keys
        requireValue(repeated.isEmpty()) { "along(\"$name\", …): more than one value reads ${repeated.joinToString(", ")}; list each once, or label them with a map" }
        along(name, labels.zip(list).toMap(), change)
    }

    /** One variant per labelled value: e.g. `along("net", mapOf("narrow" to mlp(listOf(8)), "wide" to mlp(listOf(512)))) { model = it }`. */
    fun <T> along(name: String, values: Map<String, T>, change: ExperimentBuilder.(T) -> Unit) {
        requireValue(name.isNotBlank()) { "along(name = …): give the axis a name" }
        requireValue(values.isNotEmpty()) { "along(\"$name\", …): list at least one value" }
        requireValue(axes.none { it.name == name }) { "along(\"$name\", …) is declared twice" }
        axes += Axis(name, values.map { (label, v) -> label to { change(v) } })
    }

    /** A single named variation. */
    fun variant(name: String, change: ExperimentBuilder.() -> Unit) {
        requireValue(name.isNotBlank()) { "variant(name = …): give the variant a name" }
        requireValue(named.none { it.first == name }) { "variant(\"$name\") is declared twice" }
        named += name to change
    }

    /** One variant: its label ("a=1, b=2"), its value on every axis, and the changes to apply in order. */
    internal class Expanded(val label: String, val axes: Map<String, String>, val changes: List<ExperimentBuilder.() -> Unit>)

    /** Every variant, in declaration order (the last axis varies fastest), each with a report folder of its own. */
    internal fun expand(): List<Expanded> {
        fun extend(e: Expanded, name: String, value: String, change: ExperimentBuilder.() -> Unit, named: Boolean): Expanded {
            val part = if (named) value else "$name=$value"
            return Expanded(if (e.label.isEmpty()) part else "${e.label}, $part", e.axes + (name to value), e.changes + change)
        }
        val start = Expanded("", emptyMap(), emptyList())
        var combos = listOf(start)
        for (axis in axes) combos = combos.flatMap { e -> axis.values.map { (v, c) -> extend(e, axis.name, v, c, false) } }
        val all = when {
            namedAtEveryCombination && named.isNotEmpty() -> combos.flatMap { e -> named.map { (n, c) -> extend(e, "variant", n, c, true) } }
            axes.isEmpty() -> listOf(extend(start, "variant", BASE, {}, true)) + named.map { (n, c) -> extend(start, "variant", n, c, true) }
            else -> combos + named.map { (n, c) -> extend(start, "variant", n, c, true) }
        }
        val folders = all.groupBy { ReportWriter.slug(it.label) }.filterValues { it.size > 1 }
        requireValue(folders.isEmpty()) {
            folders.entries.joinToString("; ") { (folder, same) -> same.joinToString(" and ") { "\"${it.label}\"" } + " would share the report folder $folder" } +
                ": give them distinct names"
        }
        return all
    }

    companion object {
        /** The label of the experiment as declared, run beside named variants. */
        const val BASE = "base"

        /**
         * Labels for an axis's values: activations and initialisations by their keys, records by the
         * components that differ between them (so two networks read "hidden=[8, 2]" and "hidden=[16, 2]"),
         * numbers, text and the like as they print. Values without a stable text need a map of labels.
         */
        internal fun labels(axis: String, values: List<Any?>): List<String> {
            val records = values.filterIsInstance<Record>()
            if (records.size == values.size) {
                val classes = records.map { it.javaClass }.distinct()
                return records.map { r ->
                    val same = records.filter { it.javaClass == r.javaClass }
                    val differing = r.javaClass.recordComponents.filter { c -> same.map { CanonicalText.of(c.accessor.apply { isAccessible = true }.invoke(it)) }.distinct().size > 1 }
                    val parts = differing.joinToString(" ") { c -> c.name + "=" + text(c.accessor.invoke(r)) }
                    listOfNotNull(r.javaClass.simpleName.lowercase().takeIf { classes.size > 1 }, parts.ifEmpty { null }).joinToString(" ").ifEmpty { r.javaClass.simpleName.lowercase() }
                }
            }
            return values.map { v ->
                val t = text(v)
                requireValue(!Regex("""@[0-9a-f]{4,}""").containsMatchIn(t)) {
                    "along(\"$axis\", …): a ${v!!.javaClass.simpleName} prints differently in every run, so it cannot name a variant; " +
                        "label the values: along(\"$axis\", mapOf(\"a\" to …, \"b\" to …))"
                }
                t
            }
        }

        private fun text(v: Any?): String = when (v) {
            is Activation -> v.key()
            is Init -> v.key()
            is netlens.data.Regime -> v.key()
            is Enum<*> -> v.name.lowercase()
            is Record -> CanonicalText.of(v)
            is IntArray -> v.joinToString(", ", "[", "]")
            is DoubleArray -> v.joinToString(", ", "[", "]")
            null -> "null"
            else -> v.toString()
        }
    }
}

/** A copy of this network spec with some settings changed, for variants. */
fun ModelSpec.with(
    hidden: List<Int>? = null,
    activation: Activation? = null,
    bias: Boolean? = null,
    init: Init? = null,
    scaling: netlens.nn.Parameterisation? = null,
    alpha: Number? = null,
): ModelSpec = mlp(hidden ?: hidden().toList(), activation ?: activation(), bias ?: bias(), init ?: init(), scaling ?: parameterisation(),
    alpha ?: this.alpha().takeIf { !it.isNaN() })
