package netlens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaussianClassesSpecTest {
    /** Class means sit `separation` apart and the spread about them is `noise` in every direction, by Monte Carlo. */
    @Test
    void classesHaveTheRequestedCountsMeansAndSpread() {
        int d = 6;
        GaussianClassesSpec spec = new GaussianClassesSpec(d, 3.0, 0.5, new int[] {20_000, 5_000, 40_000}, 10);
        Split s = spec.load(null, 2);
        assertArrayEquals(new int[] {20_000, 5_000, 40_000}, s.train().classCounts());
        assertArrayEquals(new int[] {10, 10, 10}, s.test().classCounts());
        double[][] mean = new double[3][d];
        double[] var = new double[3];
        int[] n = s.train().classCounts();
        float[] x = s.train().features();
        int[] y = s.train().labels();
        for (int i = 0; i < y.length; i++) for (int j = 0; j < d; j++) mean[y[i]][j] += x[i * d + j] / n[y[i]];
        for (int i = 0; i < y.length; i++)
            for (int j = 0; j < d; j++) var[y[i]] += Math.pow(x[i * d + j] - mean[y[i]][j], 2) / (n[y[i]] * (double) d);
        for (int a = 0; a < 3; a++) {
            assertEquals(0.25, var[a], 0.01, "variance of class " + a);
            for (int b = a + 1; b < 3; b++) {
                double dist = 0;
                for (int j = 0; j < d; j++) dist += Math.pow(mean[a][j] - mean[b][j], 2);
                assertEquals(3.0, Math.sqrt(dist), 0.03, "classes " + a + ", " + b);
            }
        }
    }
}
