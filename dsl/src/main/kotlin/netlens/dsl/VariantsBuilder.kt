package netlens.dsl

import netlens.nn.Activation
import netlens.nn.Init
import netlens.run.ModelSpec

/**
 * Variations of one experiment, trained side by side. `along(name, values) { v -> … }` adds an axis
 * (every combination of the axes is a variant); `variant(name) { … }` adds one named variation.
 * Each block runs on a fresh copy of the experiment after its own settings.
 */
@NetlensDsl
open class VariantsBuilder internal constructor() {
    internal class Axis(val name: String, val values: List<Pair<String, ExperimentBuilder.() -> Unit>>)

    internal val axes = mutableListOf<Axis>()
    internal val named = mutableListOf<Pair<String, ExperimentBuilder.() -> Unit>>()

    /** One variant per value: e.g. `along("activation", listOf(tanh, relu)) { model = model.with(activation = it) }`. */
    fun <T> along(name: String, values: Iterable<T>, change: ExperimentBuilder.(T) -> Unit) {
        val list = values.toList()
        requireValue(name.isNotBlank()) { "along(name = …): give the axis a name" }
        requireValue(list.isNotEmpty()) { "along(\"$name\", …): list at least one value" }
        requireValue(axes.none { it.name == name }) { "along(\"$name\", …) is declared twice" }
        axes += Axis(name, list.map { v -> label(v) to { change(v) } })
    }

    /** A single named variation. */
    fun variant(name: String, change: ExperimentBuilder.() -> Unit) {
        requireValue(name.isNotBlank()) { "variant(name = …): give the variant a name" }
        requireValue(named.none { it.first == name }) { "variant(\"$name\") is declared twice" }
        named += name to change
    }

    /** One variant: its label ("a=1, b=2"), its value on every axis, and the changes to apply in order. */
    internal class Expanded(val label: String, val axes: Map<String, String>, val changes: List<ExperimentBuilder.() -> Unit>)

    /** Every variant, in declaration order (the last axis varies fastest). */
    internal fun expand(): List<Expanded> {
        var combos = listOf(Expanded("", emptyMap(), emptyList()))
        fun extend(name: String, value: String, change: ExperimentBuilder.() -> Unit, named: Boolean) = { e: Expanded ->
            val part = if (named) value else "$name=$value"
            Expanded(if (e.label.isEmpty()) part else "${e.label}, $part", e.axes + (name to value), e.changes + change)
        }
        for (axis in axes) combos = combos.flatMap { e -> axis.values.map { (v, c) -> extend(axis.name, v, c, false)(e) } }
        if (named.isNotEmpty()) combos = combos.flatMap { e -> named.map { (n, c) -> extend("variant", n, c, true)(e) } }
        return combos
    }

    private fun label(v: Any?): String = when (v) {
        is Activation -> v.key()
        is Init -> v.key()
        is netlens.data.Regime -> v.key()
        null -> "null"
        else -> v.toString()
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
