package netlens.plots

import netlens.observe.Measurement
import netlens.observe.Measurements
import netlens.run.Results

/**
 * The tidy table behind every curve: one row per (epoch, layer, metric, value), for every scalar a
 * run measured — training metrics after each evaluated epoch, the probes' scalars (network-wide ones
 * with an empty layer, each probed layer's under its name), and what was measured after training
 * (under the last epoch; a kernel's under the kernel's name). Only measured numbers appear (no
 * timings), so the same script and seed give the same file byte for byte.
 */
object MetricsTable {
    /** One row of metrics.csv. */
    data class Row(val epoch: Int, val layer: String, val metric: String, val value: Double)

    const val HEADER = "epoch,layer,metric,value"

    /** Every scalar of a run, in file order. */
    fun rows(results: Results): List<Row> {
        val out = mutableListOf<Row>()
        fun scalars(epoch: Int, m: Measurements) {
            for (e in m.entries()) (e.value() as? Measurement.Scalar)?.let { out += Row(epoch, e.subject(), e.name(), it.value()) }
        }
        val probes = results.probes().associateBy { it.epoch() }
        for (m in results.history()) {
            out += Row(m.epoch(), "", "train_loss", m.trainLoss())
            out += Row(m.epoch(), "", "train_accuracy", m.trainAccuracy())
            if (!m.testLoss().isNaN()) {
                out += Row(m.epoch(), "", "test_loss", m.testLoss())
                out += Row(m.epoch(), "", "test_accuracy", m.testAccuracy())
            }
            if (!m.minMargin().isNaN()) out += Row(m.epoch(), "", "min_margin", m.minMargin())
            if (!m.time().isNaN()) out += Row(m.epoch(), "", "flow_time", m.time())
            if (m === results.history().last()) scalars(m.epoch(), results.afterTraining())
            probes[m.epoch()]?.let { scalars(m.epoch(), it.measured()) }
        }
        return out
    }

    /** Reads a metrics.csv written by [csv]; throws IllegalArgumentException naming the line on bad input. */
    fun read(file: java.nio.file.Path): List<Row> {
        val lines = java.nio.file.Files.readAllLines(file)
        require(lines.firstOrNull() == HEADER) { "$file is not a netlens metrics.csv (header ${lines.firstOrNull()})" }
        return lines.drop(1).filter { it.isNotBlank() }.mapIndexed { i, line ->
            val f = line.split(',')
            require(f.size == 4) { "$file:${i + 2}: expected 4 fields, got ${f.size}" }
            Row(f[0].toIntOrNull() ?: throw IllegalArgumentException("$file:${i + 2}: bad epoch '${f[0]}'"), f[1], f[2],
                f[3].toDoubleOrNull() ?: throw IllegalArgumentException("$file:${i + 2}: bad value '${f[3]}'"))
        }
    }

    /** The metrics of every run in one table, with a leading `variant` column. */
    internal fun csvWithVariants(runs: List<Run>): String = buildString {
        append("variant,").append(HEADER).append('\n')
        for (r in runs) {
            val quoted = Csv.cell(r.label)
            for (row in rows(r.results)) append(quoted).append(',').line(row)
        }
    }

    internal fun csv(results: Results): String = buildString {
        append(HEADER).append('\n')
        for (row in rows(results)) line(row)
    }

    private fun StringBuilder.line(r: Row) {
        append(r.epoch).append(',').append(r.layer).append(',').append(r.metric).append(',')
        append(if (r.value.isNaN()) "NaN" else r.value.toString()).append('\n')
    }
}

/** CSV cells: quoted when they hold a comma, a quote or a line break. */
internal object Csv {
    fun cell(v: Any?): String {
        val s = when (v) {
            null -> ""
            is Double -> if (v.isNaN()) "NaN" else v.toString()
            else -> v.toString()
        }
        return if (s.any { it == ',' || it == '"' || it == '\n' || it == '\r' }) "\"" + s.replace("\"", "\"\"") + "\"" else s
    }
}
