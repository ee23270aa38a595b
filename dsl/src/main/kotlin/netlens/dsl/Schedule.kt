package netlens.dsl

import kotlin.math.exp
import kotlin.math.ln
import kotlin.math.roundToInt

/** When to probe, besides the initial network and the end. */
sealed interface Schedule {
    /** The probe epochs for a run of at most [maxEpochs]. */
    fun epochs(maxEpochs: Int): IntArray
}

private class Listed(private val list: List<Int>) : Schedule {
    override fun epochs(maxEpochs: Int): IntArray {
        val beyond = list.filter { it > maxEpochs }
        requireValue(beyond.isEmpty()) { "probe(at = epochs(…)): ${beyond.joinToString(", ")} beyond maxEpochs = $maxEpochs would never be probed" }
        return (list + 0).distinct().sorted().toIntArray()
    }
}

private class LogSpaced(private val points: Int) : Schedule {
    override fun epochs(maxEpochs: Int): IntArray =
        (listOf(0) + (0 until points).map { i -> exp(ln(maxEpochs.toDouble()) * i / (points - 1)).roundToInt() })
            .distinct().sorted().toIntArray()
}

/** Probe at exactly these epochs, e.g. `probe(at = epochs(0, 10, 100))`. */
fun epochs(vararg list: Int): Schedule {
    requireValue(list.isNotEmpty() && list.all { it >= 0 }) { "epochs(…): list epochs >= 0" }
    return Listed(list.toList())
}

/** About [points] probes spaced evenly in log(epoch) from 1 to maxEpochs, plus the initial network. */
fun logSpaced(points: Int): Schedule {
    requireValue(points >= 2) { "logSpaced(points = $points): must be >= 2" }
    return LogSpaced(points)
}
