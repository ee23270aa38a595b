package netlens.plots

import java.util.Locale
import kotlin.math.abs
import netlens.nn.Activation

/**
 * The spiralNet study's claim on the last 2-unit layer, checked on the training points at the last
 * probe: tanh packs the classes at the corners of the square (±1, ±1), ReLU inside one quadrant.
 */
internal object BottleneckClaims {
    /** Within this of ±1 in both units, a point sits at a corner. */
    const val CORNER = 0.1

    /** A class owns a corner when this share of its points sits there. */
    const val OWNED = 0.9

    /** The ReLU claim holds when this share of the points off the origin lies in one quadrant. */
    const val INSIDE = 0.99

    fun of(view: Run): List<Claim> {
        val p = view.probes.lastOrNull() ?: return emptyList()
        val b = view.bottleneck(p) ?: return emptyList()
        val a = view.matrix(p, b.name(), "activations")!!
        val points = view.labels.indices.map { i -> Triple(a.get(i, 0).toDouble(), a.get(i, 1).toDouble(), view.labels[i]) }
        return when (view.results.network().activation()) {
            Activation.TANH -> listOf(corners(view.classNames, b.label(), points, p.epoch()))
            Activation.RELU -> listOf(quadrant(view.classNames, b.label(), points, p.epoch()))
            else -> emptyList()
        }
    }

    fun corners(classNames: List<String>, layer: String, points: List<Triple<Double, Double, Int>>, epoch: Int): Claim {
        fun saturated(x: Double) = abs(abs(x) - 1) <= CORNER
        fun place(u: Double, v: Double) = when {
            saturated(u) && saturated(v) -> "at (${sign(u)}1, ${sign(v)}1)"
            saturated(u) -> "on the edge u₁ = ${sign(u)}1"
            saturated(v) -> "on the edge u₂ = ${sign(v)}1"
            else -> "inside the square"
        }
        val atCorner = points.count { (u, v, _) -> saturated(u) && saturated(v) }
        val onEdge = points.count { (u, v, _) -> saturated(u) || saturated(v) }
        val k = classNames.size
        val owners = mutableMapOf<String, Int>()
        val parts = (0 until k).map { c ->
            val own = points.filter { it.third == c }
            if (own.isEmpty()) return@map "${classNames[c]} not among the probe samples"
            val (best, count) = own.map { (u, v, _) -> place(u, v) }.groupingBy { it }.eachCount().maxBy { it.value }.toPair()
            val share = count.toDouble() / own.size
            if (share >= OWNED && best.startsWith("at")) owners.merge(best, 1, Int::plus)
            f("%s %s (%.0f%%)", classNames[c], best, 100 * share)
        }
        val owning = owners.values.count { it == 1 }
        val verdict = when {
            owning == k -> "holds: every class owns a corner of its own"
            k > 4 && owning == 4 -> "holds as far as it can: $k classes for 4 corners, and 4 own one each"
            else -> "holds for $owning of $k classes" + if (k > 4) "; 4 corners for $k classes, so at most 4 can" else ""
        }
        return Claim("spiralNet: tanh packs classes at the corners", f("spiralNet claim: tanh packs the classes at the corners of the square. " +
            "Here: %.0f%% of the training points of %s at epoch %d lie within %s of a corner in both units (%.0f%% on the square's edge, " +
            "in one unit at least); where most of each class " +
            "lies: %s. Verdict: %s (a class owns a corner when %.0f%% of its points sit there and no other class does).",
            100.0 * atCorner / points.size, layer, epoch, CORNER, 100.0 * onEdge / points.size, parts.joinToString("; "), verdict, 100 * OWNED), verdict)
    }

    fun quadrant(classNames: List<String>, layer: String, points: List<Triple<Double, Double, Int>>, epoch: Int): Claim {
        val live = points.filter { (u, v, _) -> u != 0.0 || v != 0.0 }
        val quadrants = live.groupingBy { (u, v, _) -> "(${sign(u)}, ${sign(v)})" }.eachCount()
        val (main, count) = quadrants.maxByOrNull { it.value }?.toPair() ?: ("none" to 0)
        val share = if (live.isEmpty()) 0.0 else count.toDouble() / live.size
        val angles = classNames.indices.map { c ->
            val own = live.filter { it.third == c }
            Math.toDegrees(Math.atan2(own.sumOf { it.second }, own.sumOf { it.first }))
        }
        val pairs = angles.indices.flatMap { a -> (a + 1 until angles.size).map { b -> Triple(a, b, abs(angles[a] - angles[b])) } }
        val closest = pairs.minBy { it.third }
        val verdict = if (share >= INSIDE) "holds" else "does not hold"
        return Claim("spiralNet: ReLU packs classes inside one quadrant", f("spiralNet claim: ReLU packs the classes inside one quadrant. " +
            "Here: %.1f%% of the training points of %s at epoch %d that are not at the origin lie in the quadrant %s (%.1f%% sit at the " +
            "origin); the classes' mean directions: %s, the closest two (%s, %s) %.0f° apart. Verdict: %s (when at least %.0f%% lie in one quadrant).",
            100 * share, layer, epoch, main, 100.0 * (points.size - live.size) / points.size,
            classNames.indices.joinToString(", ") { f("%s %.0f°", classNames[it], angles[it]) },
            classNames[closest.first], classNames[closest.second], closest.third, verdict, 100 * INSIDE), verdict)
    }

    private fun sign(x: Double) = if (x >= 0) "+" else "−"

    private fun f(format: String, vararg args: Any?) = String.format(Locale.ROOT, format, *args)
}
