package netlens.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import netlens.linalg.Backend;
import netlens.linalg.Blas;
import netlens.linalg.RandomMatrices;
import org.junit.jupiter.api.Test;

/** Linear CKA against its HSIC definition with centred Gram matrices, and its invariances. */
class CkaTest {
    private static final Blas BLAS = Backend.blas();

    private static float[] gaussian(int n, int d, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    /** HSIC(K, L) = tr(KHLH) with H = I − 11ᵀ/n, by explicit n×n matrices. */
    private static double hsic(float[] x, int dx, float[] y, int dy, int n) {
        double[][] k = new double[n][n], l = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                for (int a = 0; a < dx; a++) k[i][j] += x[i * dx + a] * x[j * dx + a];
                for (int a = 0; a < dy; a++) l[i][j] += y[i * dy + a] * y[j * dy + a];
            }
        center(k);
        center(l);
        double s = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) s += k[i][j] * l[i][j];
        return s;
    }

    private static void center(double[][] m) {
        int n = m.length;
        double[] row = new double[n];
        double all = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            row[i] += m[i][j] / n;
            all += m[i][j] / n / n;
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i][j] += all - row[i] - row[j];
    }

    @Test
    void ckaMatchesTheHsicDefinitionInBothComputationOrders() {
        int n = 40;
        for (int[] dims : new int[][] {{5, 7}, {60, 90}}) {            // features narrower, then wider than n
            float[] x = gaussian(n, dims[0], 1), y = gaussian(n, dims[1], 2);
            for (int i = 0; i < n; i++) y[i * dims[1]] += 3 * x[i * dims[0]];   // some shared structure
            double want = hsic(x, dims[0], y, dims[1], n) / Math.sqrt(hsic(x, dims[0], x, dims[0], n) * hsic(y, dims[1], y, dims[1], n));
            double got = Cka.linear(new Cka.Features(x, n, dims[0], BLAS), new Cka.Features(y, n, dims[1], BLAS), BLAS);
            assertEquals(want, got, 1e-9, "dims " + dims[0] + ", " + dims[1]);
        }
    }

    @Test
    void ckaIsOneUnderRotationScalingAndTranslation() {
        int n = 100, d = 8;
        float[] x = gaussian(n, d, 3);
        double[] q = RandomMatrices.orthogonal(d, new Random(4));
        float[] y = new float[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) {
                double s = 7;
                for (int a = 0; a < d; a++) s += 2.5 * x[i * d + a] * q[a * d + j];
                y[i * d + j] = (float) s;
            }
        assertEquals(1, Cka.linear(new Cka.Features(x, n, d, BLAS), new Cka.Features(y, n, d, BLAS), BLAS), 1e-5);
    }

    @Test
    void independentRepresentationsHaveSmallCka() {
        int n = 2000;
        double cka = Cka.linear(new Cka.Features(gaussian(n, 4, 5), n, 4, BLAS), new Cka.Features(gaussian(n, 4, 6), n, 4, BLAS), BLAS);
        assertTrue(cka < 0.02, "CKA of independent noise " + cka);
    }
}
