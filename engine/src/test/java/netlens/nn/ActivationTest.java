package netlens.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivationTest {
    @Test
    void fastTanhIsWithinFloatRoundingOfMathTanh() {
        double worst = 0;
        for (int i = -1_000_000; i <= 1_000_000; i++) {
            float x = i * 2e-5f;
            worst = Math.max(worst, Math.abs(Activation.tanh(x) - Math.tanh(x)));
        }
        assertTrue(worst < 5e-7, "largest error " + worst);
        assertEquals(1f, Activation.tanh(50f));
        assertEquals(-1f, Activation.tanh(-1e30f));
        assertEquals(0f, Activation.tanh(0f));
        assertTrue(Float.isNaN(Activation.tanh(Float.NaN)), "NaN propagates so divergence is noticed");
    }

    @Test
    void reluBackwardPassesTheGradientExactlyWhereTheActivationIsPositive() {
        float[] a = {0f, Float.MIN_VALUE, 2 * Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, 0.5f, 1f, 3e38f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
        float[] g = new float[a.length];
        for (int i = 0; i < a.length; i++) g[i] = (i % 2 == 0 ? -1 : 1) * (1.25f + i);
        float[] expected = g.clone();
        Activation.RELU.scale(g, a, a.length);
        for (int i = 0; i < a.length; i++) assertEquals(a[i] > 0 ? expected[i] : 0f, g[i], 0f, "a = " + a[i]);
    }
}
