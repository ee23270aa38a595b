package netlens.dsl

import java.io.PrintStream
import java.util.Locale
import netlens.run.Runner
import netlens.train.EpochMetrics

/**
 * Progress of variants trained at once: on a terminal one line with every running variant's epoch
 * and accuracy; otherwise a line when a variant finishes, and one every few seconds.
 */
class VariantProgress(
    private val out: PrintStream,
    private val interactive: Boolean,
    private val labels: List<String>,
    private val cancelled: () -> Boolean,
) {
    private val latest = arrayOfNulls<EpochMetrics>(labels.size)
    private val maxEpochs = IntArray(labels.size)
    private val updated = LongArray(labels.size)
    private var lastDraw = 0L
    private var lineOpen = false

    @Synchronized
    fun status(message: String) {
        endLine()
        out.println("netlens: $message")
    }

    fun forRun(index: Int): Runner.Listener = object : Runner.Listener {
        override fun status(message: String) = this@VariantProgress.status("${labels[index]}: $message")

        override fun epoch(metrics: EpochMetrics, maxEpochs: Int) = update(index, metrics, maxEpochs)

        override fun cancelled(): Boolean = cancelled.invoke()
    }

    @Synchronized
    private fun update(index: Int, m: EpochMetrics, max: Int) {
        latest[index] = m
        maxEpochs[index] = max
        val now = System.nanoTime()
        updated[index] = now
        if (now - lastDraw < (if (interactive) 200_000_000L else 5_000_000_000L) && m.epoch() != max) return
        lastDraw = now
        // The runs heard from in the last few seconds are the ones running; the rest are summed up.
        val running = labels.indices.filter { latest[it] != null && now - updated[it] < 5_000_000_000L }
        val started = latest.count { it != null }
        val line = (if (labels.size > running.size) "$started/${labels.size} started  |  " else "") + running.joinToString("  |  ") { i ->
            val e = latest[i]!!
            String.format(Locale.ROOT, "%s: %d/%d %.1f%%", labels[i], e.epoch(), maxEpochs[i], 100 * e.trainAccuracy())
        }
        if (interactive) {
            out.print("\r\u001b[2K" + line)
            lineOpen = true
        } else out.println(line)
        out.flush()
    }

    @Synchronized
    fun finish() = endLine()

    private fun endLine() {
        if (lineOpen) out.println()
        lineOpen = false
    }
}
