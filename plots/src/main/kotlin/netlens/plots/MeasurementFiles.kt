package netlens.plots

import java.nio.file.Files
import java.nio.file.Path
import netlens.data.Npy
import netlens.observe.Measurement
import netlens.observe.Measurements
import netlens.run.Results

/**
 * The measurements that are not scalars, each name in a file of its own: vectors and tables as
 * tidy CSV (`<name>.csv`, with the epoch and layer they were taken at), matrices as float32 NumPy
 * arrays (`<name>.npy`). A matrix measured at the same layers of every probe with one shape is one
 * array (probe, layer, row, column), like embeddings.npy; otherwise (entry, row, column) with the
 * entries listed in run.json. labels.npy holds each probe sample's class.
 */
internal object MeasurementFiles {
    /** Where a measurement was taken: a probe's epoch (null: across probes or after training) and its subject. */
    private class Taken(val epoch: Int?, val subject: String, val value: Measurement)

    /** Writes the files; returns what run.json says of the arrays. */
    fun write(dir: Path, r: Results): Map<String, Any?> {
        val byName = linkedMapOf<String, MutableList<Taken>>()
        fun collect(epoch: Int?, m: Measurements) {
            for (e in m.entries()) if (e.value() !is Measurement.Scalar) byName.getOrPut(e.name()) { mutableListOf() } += Taken(epoch, e.subject(), e.value())
        }
        for (p in r.probes()) collect(p.epoch(), p.measured())
        collect(null, r.acrossProbes())
        collect(null, r.afterTraining())
        val arrays = linkedMapOf<String, Any?>()
        for ((name, taken) in byName) {
            when (taken.first().value) {
                is Measurement.Matrix -> arrays[name] = matrices(dir, name, taken, r)
                is Measurement.Vector -> Files.writeString(dir.resolve("$name.csv"), vectors(taken))
                is Measurement.Table -> Files.writeString(dir.resolve("$name.csv"), tables(taken))
                is Measurement.Scalar -> {}
            }
        }
        if (r.probes().isNotEmpty()) Npy.writeInts(dir.resolve("labels.npy"), r.probeLabels())
        return arrays
    }

    private fun vectors(taken: List<Taken>): String = buildString {
        val layer = taken.any { it.subject.isNotEmpty() }
        append(header(taken, layer, listOf("index", "value")))
        for (t in taken) for ((i, v) in (t.value as Measurement.Vector).values().withIndex())
            append(prefix(t, taken, layer)).append(i + 1).append(',').append(Csv.cell(v)).append('\n')
    }

    private fun tables(taken: List<Taken>): String = buildString {
        val layer = taken.any { it.subject.isNotEmpty() }
        append(header(taken, layer, (taken.first().value as Measurement.Table).columns()))
        for (t in taken) for (row in (t.value as Measurement.Table).rows())
            append(prefix(t, taken, layer)).append(row.joinToString(",") { Csv.cell(it) }).append('\n')
    }

    private fun header(taken: List<Taken>, layer: Boolean, columns: List<String>): String =
        ((if (taken.any { it.epoch != null }) listOf("epoch") else emptyList()) + (if (layer) listOf("layer") else emptyList()) + columns)
            .joinToString(",") + "\n"

    private fun prefix(t: Taken, taken: List<Taken>, layer: Boolean): String =
        (if (taken.any { it.epoch != null }) "${t.epoch ?: ""}," else "") + (if (layer) Csv.cell(t.subject) + "," else "")

    private fun matrices(dir: Path, name: String, taken: List<Taken>, r: Results): Map<String, Any?> {
        val matrices = taken.map { it.value as Measurement.Matrix }
        val first = matrices.first()
        if (matrices.any { it.rows() != first.rows() || it.cols() != first.cols() }) {
            // Shapes that differ (a script's matrix as wide as each layer, say) cannot share an array: long-format CSV.
            val layer = taken.any { it.subject.isNotEmpty() }
            Files.writeString(dir.resolve("$name.csv"), buildString {
                append(header(taken, layer, listOf("row", "column", "value")))
                for ((t, m) in taken.zip(matrices))
                    for (i in 0 until m.rows()) for (j in 0 until m.cols())
                        append(prefix(t, taken, layer)).append(i).append(',').append(j).append(',').append(m.get(i, j)).append('\n')
            })
            return linkedMapOf("file" to "$name.csv", "axes" to listOf("row", "column"))
        }
        val values = FloatArray(matrices.sumOf { it.values().size })
        var at = 0
        for (m in matrices) {
            m.values().copyInto(values, at)
            at += m.values().size
        }
        val rowAxis = if (first.rows() == r.probeLabels().size) "sample" else "row"
        val epochs = taken.map { it.epoch }.distinct()
        val subjects = taken.map { it.subject }.distinct()
        val grid = taken.size == epochs.size * subjects.size &&
            taken.withIndex().all { (i, t) -> t.epoch == epochs[i / subjects.size] && t.subject == subjects[i % subjects.size] }
        if (grid) {
            Npy.writeFloats(dir.resolve("$name.npy"), intArrayOf(epochs.size, subjects.size, first.rows(), first.cols()), values)
            return linkedMapOf("file" to "$name.npy", "axes" to listOf("probe", "layer", rowAxis, "column"), "epochs" to epochs,
                "layers" to subjects)
        }
        Npy.writeFloats(dir.resolve("$name.npy"), intArrayOf(taken.size, first.rows(), first.cols()), values)
        return linkedMapOf("file" to "$name.npy", "axes" to listOf("entry", rowAxis, "column"), "entries" to taken.map { listOf(it.epoch, it.subject) })
    }
}
