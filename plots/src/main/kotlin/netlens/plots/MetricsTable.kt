package netlens.plots

import netlens.run.Results

/**
 * The tidy table behind every figure: one row per (epoch, layer, metric, value). Network-wide
 * metrics have an empty layer. Only measured numbers appear (no timings), so the same script and
 * seed give the same file byte for byte.
 */
internal object MetricsTable {
    fun csv(results: Results): String = buildString {
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
            probes[m.epoch()]?.layers()?.forEach { lp ->
                row(m.epoch(), lp.name(), "width", lp.width().toDouble())
                for ((metric, value) in lp.metrics()) row(m.epoch(), lp.name(), metric, value)
            }
        }
    }
}
