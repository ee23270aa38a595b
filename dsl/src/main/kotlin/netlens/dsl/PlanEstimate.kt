package netlens.dsl

import kotlin.math.exp
import kotlin.math.ln
import netlens.run.Point
import netlens.run.PointCache
import netlens.run.Series

/**
 * What a plan's missing points will cost, judged from its points already in the cache: within each
 * series (the points that differ only in p and seed) a point's seconds are fitted as a·p^b by least
 * squares in log–log (b = 1 when the series has one p measured; its mean when it has no p axis), and
 * series with no measured point take the fit of all measured points together. Printed before a
 * submission, so a plan too large for its allocation is seen before it is queued.
 */
internal class PlanEstimate(val cpuHours: Double, val longestHours: Double, val measured: Int, val measuredCpuHours: Double) {
    /** Hours on [nodes] nodes of [cpusPerNode] CPUs each, the tasks packed perfectly: never less than the longest point. */
    fun wallHours(nodes: Int, cpusPerNode: Int, cpusPerTask: Int): Double =
        maxOf(longestHours, cpuHours / (nodes * maxOf(1, cpusPerNode / cpusPerTask) * cpusPerTask))

    companion object {
        fun of(points: List<Point>, missing: List<Point>, cache: PointCache, cpusPerTask: Int): PlanEstimate? {
            val seconds = points.filter { it !in missing }.mapNotNull { p ->
                cache.load(p)?.timings()?.let { t -> p to t.loadSeconds() + t.trainSeconds() + t.probeSeconds() }
            }
            return from(seconds, missing, cpusPerTask)
        }

        /** The estimate from measured (point, seconds) pairs, or null when there are none. */
        fun from(seconds: List<Pair<Point, Double>>, missing: List<Point>, cpusPerTask: Int): PlanEstimate? {
            if (seconds.isEmpty()) return null
            val all = fit(seconds)
            val bySeries = seconds.groupBy { series(it.first) }.mapValues { fit(it.value) }
            val predicted = missing.map { p -> (bySeries[series(p)] ?: all)(size(p)) }
            return PlanEstimate(predicted.sum() * cpusPerTask / 3600, (predicted.maxOrNull() ?: 0.0) / 3600, seconds.size,
                seconds.sumOf { it.second } * cpusPerTask / 3600)
        }

        private fun series(p: Point) = p.axes().filterKeys { it != Series.SIZE && it != Series.SEED }

        private fun size(p: Point): Double = p.axes()[Series.SIZE]?.toDoubleOrNull() ?: Double.NaN

        /** seconds(p) from measured (point, seconds) pairs. */
        private fun fit(measured: List<Pair<Point, Double>>): (Double) -> Double {
            val xs = measured.map { size(it.first) }
            val ys = measured.map { it.second }
            if (xs.any { it.isNaN() }) return { _ -> ys.average() }
            val lx = xs.map { ln(it) }
            val ly = ys.map { ln(maxOf(it, 1e-3)) }
            val mx = lx.average()
            val my = ly.average()
            val sxx = lx.sumOf { (it - mx) * (it - mx) }
            val b = if (sxx < 1e-12) 1.0 else lx.indices.sumOf { (lx[it] - mx) * (ly[it] - my) } / sxx
            return { p -> exp(my + b * (ln(p) - mx)) }
        }
    }
}
