package netlens.observables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import netlens.linalg.Backend;
import netlens.linalg.RandomMatrices;
import netlens.probe.Cka;
import org.junit.jupiter.api.Test;

/** The three CKAs against brute-force definitions, their invariances, and the bias the unbiased HSIC removes. */
class CkaVariantsTest {
    private static float[] gaussian(int n, int d, Random r) {
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    private static CkaVariants.Kernel linear(float[] x, int n, int d) {
        return new CkaVariants.Kernel(CkaVariants.gram(x, n, d, Backend.blas()), n);
    }

    private static double[] symmetric(int n, Random r) {
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) k[i * n + j] = k[j * n + i] = r.nextGaussian();
        return k;
    }

    /**
     * Song et al.'s unbiased HSIC is the U-statistic (1/(n)₄) Σ over distinct (i, j, q, r) of
     * K_ij L_ij + K_ij L_qr − 2 K_ij L_iq: summed here over every ordered 4-tuple.
     */
    @Test
    void theUnbiasedHsicIsTheUStatisticOverDistinctQuadruples() {
        Random r = new Random(1);
        int n = 7;
        double[] k = symmetric(n, r), l = symmetric(n, r);
        double sum = 0;
        int tuples = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int q = 0; q < n; q++) for (int s = 0; s < n; s++) {
            if (i == j || i == q || i == s || j == q || j == s || q == s) continue;
            sum += k[i * n + j] * l[i * n + j] + k[i * n + j] * l[q * n + s] - 2 * k[i * n + j] * l[i * n + q];
            tuples++;
        }
        assertEquals(7 * 6 * 5 * 4, tuples);
        double hsic = CkaVariants.Kernel.hsic(new CkaVariants.Kernel(k, n), new CkaVariants.Kernel(l, n), true);
        assertEquals(sum / tuples, hsic, 1e-12 * Math.abs(sum / tuples) + 1e-14);
    }

    /** The biased HSIC is tr(KHLH)/(n − 1)², written out with H = I − 11ᵀ/n. */
    @Test
    void theBiasedHsicIsTheTraceOfTheCentredProduct() {
        Random r = new Random(2);
        int n = 9;
        double[] k = symmetric(n, r), l = symmetric(n, r);
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) h[i * n + j] = (i == j ? 1 : 0) - 1.0 / n;
        double[] m = multiply(multiply(multiply(k, h, n), l, n), h, n);
        double trace = 0;
        for (int i = 0; i < n; i++) trace += m[i * n + i];
        assertEquals(trace / ((n - 1) * (n - 1)), CkaVariants.Kernel.hsic(new CkaVariants.Kernel(k, n), new CkaVariants.Kernel(l, n), false), 1e-12);
    }

    /** CKA(X, XQ) = 1 for orthogonal Q, whatever the scale and offset of the copy, for all three CKAs. */
    @Test
    void everyCkaIsOneBetweenARepresentationAndARotatedScaledShiftedCopy() {
        Random r = new Random(3);
        int n = 60, d = 12;
        float[] x = gaussian(n, d, r);
        double[] q = RandomMatrices.orthogonal(d, r);
        float[] y = new float[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int a = 0; a < d; a++) s += x[i * d + a] * q[a * d + j];
                y[i * d + j] = (float) (3.5 * s + 7);
            }
        CkaVariants.Kernel kx = linear(x, n, d), ky = linear(y, n, d);
        assertEquals(1, CkaVariants.Kernel.cka(kx, ky, false), 1e-5);
        assertEquals(1, CkaVariants.Kernel.cka(kx, ky, true), 1e-5);
        CkaVariants.Kernel rx = new CkaVariants.Kernel(CkaVariants.rbf(kx.k(), n, 0.5), n), ry = new CkaVariants.Kernel(CkaVariants.rbf(ky.k(), n, 0.5), n);
        assertEquals(1, CkaVariants.Kernel.cka(rx, ry, false), 1e-5, "distances scale with the median, so the bandwidth follows");
    }

    /** The linear column is linear CKA, computed here a second way (‖YᵀX‖²_F on centred features). */
    @Test
    void theLinearColumnIsLinearCka() {
        Random r = new Random(4);
        int n = 80;
        float[] x = gaussian(n, 10, r), y = new float[n * 6];
        for (int i = 0; i < n; i++) for (int j = 0; j < 6; j++) y[i * 6 + j] = (float) (x[i * 10 + j] * x[i * 10 + j + 1] + 0.3 * r.nextGaussian());
        var blas = Backend.blas();
        double reference = Cka.linear(new Cka.Features(x, n, 10, blas), new Cka.Features(y, n, 6, blas), blas);
        assertEquals(reference, CkaVariants.Kernel.cka(linear(x, n, 10), linear(y, n, 6), false), 1e-9);
    }

    /**
     * Two independent random representations much wider than the number of samples look similar to
     * the biased estimator; the unbiased HSIC brings CKA back near 0. 40 repetitions: the debiased
     * mean has a standard error of about 0.005.
     */
    @Test
    void theUnbiasedHsicRemovesTheSimilarityOfUnrelatedWideRepresentations() {
        Random r = new Random(5);
        int n = 40, d = 400;
        double biased = 0, debiased = 0;
        for (int rep = 0; rep < 40; rep++) {
            CkaVariants.Kernel a = linear(gaussian(n, d, r), n, d), b = linear(gaussian(n, d, r), n, d);
            biased += CkaVariants.Kernel.cka(a, b, false) / 40;
            debiased += CkaVariants.Kernel.cka(a, b, true) / 40;
        }
        assertTrue(biased > 0.8, "biased linear CKA of unrelated representations: " + biased);
        assertEquals(0, debiased, 0.03, "debiased linear CKA of unrelated representations");
    }

    /** As σ grows, exp(−‖x − y‖²/2σ²) ≈ 1 − ‖x − y‖²/2σ², whose centred form is the linear kernel's: RBF CKA → linear CKA. */
    @Test
    void rbfCkaWithAWideBandwidthIsLinearCka() {
        Random r = new Random(6);
        int n = 50;
        float[] x = gaussian(n, 5, r), y = new float[n * 3];
        for (int i = 0; i < n; i++) for (int j = 0; j < 3; j++) y[i * 3 + j] = (float) Math.tanh(x[i * 5 + j] + x[i * 5 + j + 2]);
        CkaVariants.Kernel kx = linear(x, n, 5), ky = linear(y, n, 3);
        double rbf = CkaVariants.Kernel.cka(new CkaVariants.Kernel(CkaVariants.rbf(kx.k(), n, 1000), n),
                new CkaVariants.Kernel(CkaVariants.rbf(ky.k(), n, 1000), n), false);
        assertEquals(CkaVariants.Kernel.cka(kx, ky, false), rbf, 1e-5);
    }

    /** σ is the fraction times the median of the pairwise distances (here of four points on a line). */
    @Test
    void theBandwidthIsAFractionOfTheMedianDistance() {
        float[] x = {0, 1, 3, 7};                                   // distances 1, 2, 3, 4, 6, 7: median 3.5
        double[] k = CkaVariants.rbf(CkaVariants.gram(x, 4, 1, Backend.blas()), 4, 0.5);
        double sigma = 0.5 * 3.5;
        assertEquals(Math.exp(-49 / (2 * sigma * sigma)), k[3], 1e-12, "points 0 and 7");
    }

    private static double[] multiply(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) c[i * n + j] += a[i * n + k] * b[k * n + j];
        return c;
    }
}
