package netlens.plots

import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

/** The spirals and intrinsic-dimension claims are computed from the measurements: other numbers, other verdicts. */
class StudyClaimsTest {
    private val names = listOf("a", "b", "c")

    /** [n] points of class [c] at (u, v). */
    private fun at(c: Int, u: Double, v: Double, n: Int = 10) = List(n) { Triple(u, v, c) }

    @Test
    fun tanhClassesOwningDistinctCornersHold() {
        val points = at(0, 0.99, 0.98) + at(1, -0.97, 0.99) + at(2, 0.95, -0.99)
        val claim = BottleneckClaims.corners(names, "h2", points, 100)
        assertEquals("holds: every class owns a corner of its own", claim.verdict)
        assertTrue(claim.sentence.contains("100% of the training points of h2 at epoch 100"), claim.sentence)
    }

    @Test
    fun aClassSplitOverTwoCornersOrAtAnEdgeDoesNotOwnOne() {
        val points = at(0, 0.99, 0.98) + at(1, -0.97, 0.99, 5) + at(1, -0.97, -0.99, 5) + at(2, 0.95, 0.2)
        val claim = BottleneckClaims.corners(names, "h2", points, 100)
        assertEquals("holds for 1 of 3 classes", claim.verdict)
        assertTrue(claim.sentence.contains("67% of the training points") && claim.sentence.contains("c on the edge u₁ = +1 (100%)"), claim.sentence)
    }

    @Test
    fun twoClassesInOneCornerOwnNeither() {
        val claim = BottleneckClaims.corners(names, "h2", at(0, 1.0, 1.0) + at(1, 1.0, 1.0) + at(2, -1.0, -1.0), 5)
        assertEquals("holds for 1 of 3 classes", claim.verdict)
    }

    @Test
    fun reluPointsOutsideOneQuadrantBreakTheClaim() {
        val inside = at(0, 1.0, 0.0) + at(1, 0.0, 2.0) + at(2, 0.0, 0.0) + at(2, 1.0, 1.0)
        val held = BottleneckClaims.quadrant(names, "h4", inside, 9)
        assertEquals("holds", held.verdict)
        assertTrue(held.sentence.contains("(+, +)") && held.sentence.contains("25.0% sit at the origin") &&
            held.sentence.contains("a 0°, b 90°, c 45°, the closest two (a, c) 45° apart"), held.sentence)
        assertEquals("does not hold", BottleneckClaims.quadrant(names, "h4", inside + at(1, -1.0, 0.5), 9).verdict)
    }

    private fun profile(stage: String, vararg id: Double) =
        DimensionClaims.Profile(stage, if (stage == DimensionClaims.STAGES[0]) 0 else 50,
            List(id.size) { if (it == 0) "input" else "h$it" }, id.mapIndexed { i, v -> Triple(i, v, 0.1) })

    @Test
    fun aHunchbackRisesInsideAndEndsBelowHalfItsPeak() {
        assertTrue(DimensionClaims.hunchback(listOf(12.0, 20.0, 15.0, 8.0)))
        assertTrue(!DimensionClaims.hunchback(listOf(12.0, 9.0, 6.0, 4.0)), "falling from the input")
        assertTrue(!DimensionClaims.hunchback(listOf(12.0, 12.5, 10.0, 4.0)), "a rise under 10 %")
        assertTrue(!DimensionClaims.hunchback(listOf(12.0, 20.0, 15.0, 11.0)), "ending above half the peak")
        assertTrue(!DimensionClaims.hunchback(listOf(12.0, 14.0, 16.0, 20.0)), "peaking at the last hidden layer")
    }

    @Test
    fun theIdVerdictFollowsTheProfilesAndTheLabels() {
        val flat = profile(DimensionClaims.STAGES[0], 12.8, 13.9, 15.0, 11.1)
        val hunch = profile(DimensionClaims.STAGES[1], 12.8, 20.0, 9.0, 4.0)
        val falling = profile(DimensionClaims.STAGES[1], 12.8, 9.3, 6.1, 4.9)
        assertEquals("a hunchback after training: holds; absent at initialisation: holds", DimensionClaims.claim(flat, hunch, false).verdict)
        assertEquals("a hunchback after training: does not hold; absent at initialisation: holds", DimensionClaims.claim(flat, falling, false).verdict)
        assertEquals("absent with shuffled labels: does not hold", DimensionClaims.claim(flat, hunch, true).verdict)
        val sentence = DimensionClaims.claim(flat, falling, false).sentence
        assertTrue(sentence.contains("trained (epoch 50) 12.8, 9.3, 6.1, 4.9: no hunchback: highest at the input, 38% of it at h3"), sentence)
    }
}
