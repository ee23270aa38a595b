package netlens.dsl

import netlens.probe.ProbeConfig

@NetlensDsl
class ProbeBuilder internal constructor(private val every: Int, private val samples: Int, private val layers: List<String>?) {
    private var embeddings = false
    private var collapse = false

    /** Every layer's features reduced to 2-D (PCA by default), for the layer grid and penultimate figures. */
    fun embeddings(projection: Projection = pca(2)) {
        check(projection is Pca)
        embeddings = true
    }

    /** NC1–NC4 (Papyan, Han & Donoho 2020) and related measures at every layer. */
    fun neuralCollapse() {
        collapse = true
    }

    /** The probe settings for a network with [hidden] hidden layers. */
    internal fun build(hidden: Int): ProbeConfig {
        requireValue(embeddings || collapse) { "probe { } takes at least one probe: embeddings() or neuralCollapse()" }
        return ProbeConfig(every, samples, embeddings, collapse, layers?.map { layerIndex(it, hidden) }?.toIntArray())
    }

    private fun layerIndex(name: String, hidden: Int): Int {
        val index = when {
            name == "input" -> 0
            name == "logits" -> hidden + 1
            name == "penultimate" -> hidden
            name.startsWith("h") -> name.drop(1).toIntOrNull()?.takeIf { it in 1..hidden }
            else -> null
        }
        return index ?: throw ScriptValueException(
            "probe(layers = …): no layer \"$name\"; this network has input, " + (1..hidden).joinToString(", ") { "h$it" } + ", logits (or penultimate)"
        )
    }
}
