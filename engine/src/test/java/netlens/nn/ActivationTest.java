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
}
