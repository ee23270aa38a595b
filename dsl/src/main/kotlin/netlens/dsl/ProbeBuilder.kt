package netlens.dsl

import netlens.probe.ProbeConfig

@NetlensDsl
class ProbeBuilder internal constructor(private val every: Int, private val samples: Int) {
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

    internal fun build(): ProbeConfig {
        requireValue(embeddings || collapse) { "probe { } takes at least one probe: embeddings() or neuralCollapse()" }
        return ProbeConfig(every, samples, embeddings, collapse)
    }
}
