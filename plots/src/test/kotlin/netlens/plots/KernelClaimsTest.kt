package netlens.plots

import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

/** The claim sentences are computed from the measurements: other numbers, other sentences. */
class KernelClaimsTest {
    private fun point(nngp: Double, ntk: Double, pinvNngp: Double, pinvNtk: Double) = mapOf(
        "nngp_relu" to mapOf("nc1_trace_ratio" to nngp, "nc1" to pinvNngp),
        "ntk_relu" to mapOf("nc1_trace_ratio" to ntk, "nc1" to pinvNtk),
    )

    @Test
    fun eachClaimIsCountedUnderBothMetrics() {
        val points = listOf(point(1.0, 1.2, 0.5, 0.4), point(2.0, 2.5, 0.3, 0.31), point(1.0, 0.9, 0.2, 0.1))
        val claim = KernelClaims.sentences(points).first()
        assertEquals("Paper: the NTK is not more collapsed than the NNGP (relu). Here: under Tr Σ_W / Tr Σ_B it holds at 2 of 3 points " +
            "(median NC1 NTK / NNGP 1.200); under Tr(Σ_W Σ_B⁺)/K it holds at 1 of 3 points (median NC1 NTK / NNGP 0.800).", claim)
    }

    @Test
    fun otherNumbersGiveAnotherSentence() {
        val holds = KernelClaims.sentences(listOf(point(1.0, 1.2, 0.5, 0.6))).first()
        val fails = KernelClaims.sentences(listOf(point(1.0, 0.8, 0.5, 0.6))).first()
        assertTrue(holds.contains("it holds at 1 of 1") && fails.contains("Tr Σ_W / Tr Σ_B it holds at 0 of 1"), "$holds | $fails")
    }

    @Test
    fun aKernelThatCouldNotBeFormedIsCountedApart() {
        val points = listOf(point(1.0, 1.2, 0.5, 0.6), point(1.0, Double.NaN, 0.5, Double.NaN))
        val sentences = KernelClaims.sentences(points)
        assertTrue(sentences.first().contains("holds at 1 of 1 points"), sentences.first())
        assertTrue(sentences.any { it == "ntk_relu could not be formed at 1 of 2 points (its equations of state had no solution there)." }, sentences.toString())
    }
}
