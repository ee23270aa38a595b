package netlens.plots

import java.nio.file.Path

/**
 * embeddings.npy: float32 of shape (probes, layers, samples, 2), the 2-D PCA coordinates of every
 * probed training sample at every layer and probe epoch; labels.npy: int32 class of each sample.
 */
internal object Embeddings {
    /** What run.json says about the arrays, or null when no embeddings were probed. */
    fun write(dir: Path, view: ResultView): Map<String, Any?>? {
        val probes = view.probes.filter { p -> p.layers().all { it.coords() != null } }
        if (probes.isEmpty()) return null
        val layers = probes.first().layers().size
        val n = view.labels.size
        val values = FloatArray(probes.size * layers * n * 2)
        var at = 0
        for (p in probes) for (lp in p.layers()) {
            lp.coords().copyInto(values, at)
            at += 2 * n
        }
        Npy.writeFloats(dir.resolve("embeddings.npy"), intArrayOf(probes.size, layers, n, 2), values)
        Npy.writeInts(dir.resolve("labels.npy"), view.labels)
        return mapOf(
            "file" to "embeddings.npy",
            "labels" to "labels.npy",
            "axes" to listOf("probe", "layer", "sample", "component"),
            "epochs" to probes.map { it.epoch() },
            "layers" to probes.first().layers().map { it.name() },
            "classes" to view.classNames,
        )
    }
}
