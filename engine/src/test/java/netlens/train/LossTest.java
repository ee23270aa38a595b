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
    void mseAveragesOverOutputsLikePyTorch() {
        Matrix z = Matrix.of(1, 2, new float[] {0.5f, 3f});
        Matrix d = Matrix.zeros(1, 2);
        double v = Loss.MSE.evaluate(z, new int[] {0}, 0, d, 1);
        assertEquals((0.25 + 9) / 2, v, 1e-12);
        assertEquals(2 * -0.5 / 2, d.get(0, 0), 1e-7);
        assertEquals(2 * 3.0 / 2, d.get(0, 1), 1e-7);
    }
}
