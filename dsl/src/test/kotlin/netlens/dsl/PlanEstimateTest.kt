package netlens.dsl

import kotlin.math.pow
import kotlin.test.assertEquals
import kotlin.test.assertNull
import netlens.run.Point
import org.junit.jupiter.api.Test

/** The plan estimate recovers a power law exactly, per series, and packs tasks onto nodes no faster than the longest point. */
class PlanEstimateTest {
    private fun point(p: Int, seed: Int, regime: String) = Point("", linkedMapOf("p" to "$p", "seed" to "$seed", "regime" to regime), "k$p$seed$regime", null)

    private fun seconds(p: Int, regime: String) = if (regime == "lazy") 0.01 * p.toDouble().pow(1.5) else 0.5 * p

    @Test
    fun aPowerLawPerSeriesIsExtrapolatedExactly() {
        val measured = listOf(64, 128, 256).flatMap { p -> listOf("feature", "lazy").flatMap { r -> (1..2).map { s -> point(p, s, r) to seconds(p, r) } } }
        val missing = listOf(point(4096, 1, "lazy"), point(4096, 1, "feature"), point(1024, 3, "lazy"))
        val e = PlanEstimate.from(measured, missing, 2)!!
        val expected = seconds(4096, "lazy") + seconds(4096, "feature") + seconds(1024, "lazy")
        assertEquals(2 * expected / 3600, e.cpuHours, 1e-9 * expected)
        assertEquals(seconds(4096, "lazy") / 3600, e.longestHours, 1e-9)
        assertEquals(2 * measured.sumOf { it.second } / 3600, e.measuredCpuHours, 1e-9)
        // 2 CPUs per task on 8-CPU nodes: four tasks at once per node, the CPU-hours shared among them, never under the longest point.
        assertEquals(maxOf(e.longestHours, e.cpuHours / 8), e.wallHours(1, 8, 2), 1e-12)
        assertEquals(e.longestHours, e.wallHours(1000, 8, 2), 1e-12)
        assertNull(PlanEstimate.from(emptyList(), missing, 1))
    }
}
