package netlens.dsl

import java.io.PrintStream
import java.util.Locale
import netlens.run.Runner
import netlens.train.EpochMetrics
import netlens.train.TrainConfig

/**
 * One live status line on a terminal (epoch, loss, accuracy, a bar through the epoch, ETA), or a
 * line per epoch, at most every few seconds, when output goes to a file.
 */
class Progress(
    private val out: PrintStream,
    private val interactive: Boolean,
    private val config: TrainConfig,
    private val cancelled: () -> Boolean,
) : Runner.Listener {
    private var trainingStart = 0L
    private var targetEpoch = -1
    private var lastEpoch: EpochMetrics? = null
    private var lastDraw = 0L
    private var lastLogged = 0L
    private var lineOpen = false

    /** Seconds from the process start to the end of the first training step (NaN before it). */
    var secondsToFirstStep = Double.NaN
        private set

    override fun status(message: String) {
        endLine()
        out.println("netlens: $message")
    }

    override fun epoch(metrics: EpochMetrics, maxEpochs: Int) {
        if (metrics.epoch() == 0) trainingStart = System.nanoTime()
        if (targetEpoch < 0 && config.until()?.reached(metrics) == true) targetEpoch = metrics.epoch()
        lastEpoch = metrics
        val now = System.nanoTime()
        if (interactive) draw(null)
        else if (now - lastLogged > 3_000_000_000L || metrics.epoch() == 0) {
            lastLogged = now
            out.println(line(null))
        }
    }

    override fun step(epoch: Int, step: Int, steps: Int, loss: Double) {
        if (secondsToFirstStep.isNaN()) secondsToFirstStep = LaunchClock.seconds()
        if (!interactive) return
        val now = System.nanoTime()
        if (now - lastDraw < 100_000_000L) return
        lastDraw = now
        draw(step.toDouble() / steps)
    }

    override fun cancelled(): Boolean = cancelled.invoke()

    fun finish() = endLine()

    private fun draw(fraction: Double?) {
        out.print("\r\u001b[2K" + line(fraction))
        out.flush()
        lineOpen = true
    }

    private fun endLine() {
        if (lineOpen) out.println()
        lineOpen = false
    }

    private fun line(fraction: Double?): String {
        val m = lastEpoch ?: return "starting"
        val done = m.epoch()
        val elapsed = (System.nanoTime() - trainingStart) / 1e9
        val perEpoch = if (done > 0) elapsed / done else Double.NaN
        val remaining = when {
            targetEpoch >= 0 -> (targetEpoch + config.extraEpochs() - done).coerceAtLeast(0)
            else -> config.maxEpochs() - done
        }
        val eta = if (perEpoch.isNaN()) "" else (if (targetEpoch < 0 && config.until() != null) "ETA ≤ " else "ETA ") + duration(remaining * perEpoch)
        val bar = fraction?.let { f -> val w = 20; val n = (f * w).toInt().coerceIn(0, w); " [" + "#".repeat(n) + ".".repeat(w - n) + "]" } ?: ""
        val test = if (m.testAccuracy().isNaN()) "" else String.format(Locale.ROOT, "  test %.2f%%", 100 * m.testAccuracy())
        val phase = if (targetEpoch >= 0 && done > targetEpoch) "  terminal phase" else ""
        return String.format(Locale.ROOT, "epoch %d/%d%s  loss %.4g  train %.2f%%%s%s  %s", done, config.maxEpochs(), bar,
            m.trainLoss(), 100 * m.trainAccuracy(), test, phase, eta)
    }

    private fun duration(seconds: Double): String = when {
        seconds < 60 -> String.format(Locale.ROOT, "%.0fs", seconds)
        seconds < 3600 -> String.format(Locale.ROOT, "%dm%02ds", (seconds / 60).toInt(), (seconds % 60).toInt())
        else -> String.format(Locale.ROOT, "%dh%02dm", (seconds / 3600).toInt(), ((seconds % 3600) / 60).toInt())
    }
}
