package netlens.plots

import netlens.run.Results

/**
 * The tidy table behind every figure: one row per (epoch, layer, metric, value). Network-wide
 * metrics have an empty layer. Only measured numbers appear (no timings), so the same script and
 * seed give the same file byte for byte.
 */
object MetricsTable {
    /** One row of metrics.csv. */
    data class Row(val epoch: Int, val layer: String, val metric: String, val value: Double)

    /** Reads a metrics.csv written by [csv]; throws IllegalArgumentException naming the line on bad input. */
    fun read(file: java.nio.file.Path): List<Row> {
        val lines = java.nio.file.Files.readAllLines(file)
        require(lines.firstOrNull() == "epoch,layer,metric,value") { "$file is not a netlens metrics.csv (header ${lines.firstOrNull()})" }
        return lines.drop(1).filter { it.isNotBlank() }.mapIndexed { i, line ->
            val f = line.split(',')
            require(f.size == 4) { "$file:${i + 2}: expected 4 fields, got ${f.size}" }
            Row(f[0].toIntOrNull() ?: throw IllegalArgumentException("$file:${i + 2}: bad epoch '${f[0]}'"), f[1], f[2],
                f[3].toDoubleOrNull() ?: throw IllegalArgumentException("$file:${i + 2}: bad value '${f[3]}'"))
        }
    }

    /** The metrics of every variant in one table, with a leading `variant` column. */
    internal fun csvWithVariants(runs: List<Pair<String, Results>>): String = buildString {
        append("variant,epoch,layer,metric,value\n")
        for ((label, r) in runs) {
            val quoted = if (label.contains(',') || label.contains('"')) "\"" + label.replace("\"", "\"\"") + "\"" else label
            for (line in csv(r).lineSequence().drop(1)) if (line.isNotEmpty()) append(quoted).append(',').append(line).append('\n')
        }
    }

    internal fun csv(results: Results): String = buildString {
        append("epoch,layer,metric,value\n")
        fun row(epoch: Int, layer: String, metric: String, value: Double) {
            append(epoch).append(',').append(layer).append(',').append(metric).append(',')
            append(if (value.isNaN()) "NaN" else value.toString()).append('\n')
        }
        val probes = results.probes().associateBy { it.epoch() }
        for (m in results.history()) {
            row(m.epoch(), "", "train_loss", m.trainLoss())
            row(m.epoch(), "", "train_accuracy", m.trainAccuracy())
            if (!m.testLoss().isNaN()) {
                row(m.epoch(), "", "test_loss", m.testLoss())
                row(m.epoch(), "", "test_accuracy", m.testAccuracy())
            }
            if (!m.minMargin().isNaN()) row(m.epoch(), "", "min_margin", m.minMargin())
            if (!m.time().isNaN()) row(m.epoch(), "", "flow_time", m.time())
            if (m === results.history().last()) {
                for ((b, error) in results.baselines()) row(m.epoch(), "", "error_${b.key()}", error)
                for ((k, c) in results.collapse()) {
                    row(m.epoch(), k, "kernel_nc1", c.nc1())
                    row(m.epoch(), k, "kernel_nc1_quotient", c.quotient())
                    row(m.epoch(), k, "kernel_cdnv", c.cdnv())
                }
            }
            val probe = probes[m.epoch()] ?: continue
            probe.ntk()?.let { k ->
                row(m.epoch(), "", "ntk_alignment", k.alignment())
                row(m.epoch(), "", "ntk_top_eigenvalue", k.eigenvalues()[0])
                row(m.epoch(), "", "ntk_label_share_top10", k.cumulative()[minOf(9, k.cumulative().size - 1)])
                k.mutualInformation().forEachIndexed { i, v -> row(m.epoch(), "", "ntk_mutual_information_${i + 1}", v) }
            }
            probe.neurons()?.let { n ->
                row(m.epoch(), "", "attractors", n.attractors().toDouble())
                row(m.epoch(), "", "neurons_kept", n.keptCount().toDouble())
            }
            probe.separation()?.let { s ->
                row(m.epoch(), "", "separation_slope", s.slope())
                row(m.epoch(), "", "separation_intercept", s.intercept())
                row(m.epoch(), "", "separation_pearson_r", s.pearsonR())
                row(m.epoch(), "", "separation_ratio", s.ratio())
            }
            if (!probe.weightMovement().isNaN()) row(m.epoch(), "", "weight_movement", probe.weightMovement())
            for (lp in probe.layers()) {
                row(m.epoch(), lp.name(), "width", lp.width().toDouble())
                for ((metric, value) in lp.metrics()) row(m.epoch(), lp.name(), metric, value)
            }
        }
    }
}
