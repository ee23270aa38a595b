package netlens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netlens.linalg.Matrix;
import org.junit.jupiter.api.Test;

class LossTest {
    @Test
    void crossEntropyIsStableForHugeLogits() {
        Matrix z = Matrix.of(2, 3, new float[] {1000f, 0f, -1000f, -1000f, -1000f, 0f});
        double sum = Loss.CROSS_ENTROPY.evaluate(z, new int[] {0, 0}, 0, null, 2);
        assertEquals(0 + 1000 + Math.log1p(Math.exp(-1000)) , sum, 1e-9);   // −log softmax: 0 for row 1, ≈1000 for row 2
        assertTrue(Double.isFinite(sum));
    }

    @Test
    void crossEntropyOfEqualLogitsIsLogK() {
        Matrix z = Matrix.of(1, 4, new float[] {2f, 2f, 2f, 2f});
        assertEquals(Math.log(4), Loss.CROSS_ENTROPY.evaluate(z, new int[] {3}, 0, null, 1), 1e-12);
    }

    @Test
    void crossEntropyGradientIsSoftmaxMinusOneHotOverBatch() {
        Matrix z = Matrix.of(1, 3, new float[] {1f, 2f, 3f});
        Matrix d = Matrix.zeros(1, 3);
        Loss.CROSS_ENTROPY.evaluate(z, new int[] {1}, 0, d, 4);
        double s = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(1) / s / 4, d.get(0, 0), 1e-7);
        assertEquals((Math.exp(2) / s - 1) / 4, d.get(0, 1), 1e-7);
        assertEquals(Math.exp(3) / s / 4, d.get(0, 2), 1e-7);
    }

    @Test
    void marginLossesMatchTheirDefinitionsAndDerivativesAndCurvatures() {
        Loss.Margin[] losses = {new Loss.Hinge(), new Loss.SoftHinge(3), new Loss.QuadraticHinge()};
        for (double m : new double[] {-2, 0.3, 0.99, 1.5, 4}) {
            assertEquals(Math.max(0, 1 - m), losses[0].value(m), 1e-12);
            assertEquals(Math.log1p(Math.exp(3 * (1 - m))) / 3, losses[1].value(m), 1e-12);
            assertEquals(m < 1 ? 0.5 * (1 - m) * (1 - m) : 0, losses[2].value(m), 1e-12);
            for (Loss.Margin l : losses) {
                if (l instanceof Loss.Hinge && Math.abs(m - 1) < 0.05) continue;      // the kink
                double h = 1e-6, fd = (l.value(m + h) - l.value(m - h)) / (2 * h);
                assertEquals(fd, l.derivative(m), 1e-6, l.key() + " at " + m);
                if (l instanceof Loss.Hinge) continue;
                double fd2 = (l.derivative(m + h) - l.derivative(m - h)) / (2 * h);
                assertEquals(fd2, l.curvature(m), 1e-6, l.key() + "'' at " + m);
            }
        }
    }

    @Test
    void aMarginLossReadsOneOutputWithLabelsAsPlusMinusOne() {
        Matrix z = Matrix.of(2, 1, new float[] {0.4f, 0.4f});
        Matrix d = Matrix.zeros(2, 1);
        double sum = new Loss.Hinge().evaluate(z, new int[] {1, 0}, 0, d, 2);
        assertEquals((1 - 0.4) + (1 + 0.4), sum, 1e-6);
        assertEquals(-0.5, d.get(0, 0), 1e-7);       // y = +1: ∂/∂f = −1, over a batch of 2
        assertEquals(0.5, d.get(1, 0), 1e-7);        // y = −1: ∂/∂f = +1
        assertEquals(1, new Loss.Hinge().outputs(2));
    }

    @Test
    void mseAveragesOverOutputsLikePyTorch() {
        Matrix z = Matrix.of(1, 2, new float[] {0.5f, 3f});
        Matrix d = Matrix.zeros(1, 2);
        double v = Loss.MSE.evaluate(z, new int[] {0}, 0, d, 1);
        assertEquals((0.25 + 9) / 2, v, 1e-12);
        assertEquals(2 * -0.5 / 2, d.get(0, 0), 1e-7);
        assertEquals(2 * 3.0 / 2, d.get(0, 1), 1e-7);
    }
}
