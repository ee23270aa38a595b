package netlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import netlens.data.GaussianClassesSpec;
import netlens.data.Split;
import netlens.linalg.Backend;
import netlens.linalg.Blas;
import org.junit.jupiter.api.Test;

class AdaptiveKernelTest {
    private static final Blas BLAS = Backend.blas();

    private static float[] points(int n, int d, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    /** The analytic ∂Tr[A Q(Σ)]/∂Σ against central differences along every symmetric direction of Σ. */
    @Test
    void theKernelGradientMatchesFiniteDifferences() {
        int n = 7, d = 3;
        float[] x = points(n, d, 1);
        AdaptiveKernel k = new AdaptiveKernel(50, 1.3, 0.8, 0.5);
        Random r = new Random(2);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r.nextGaussian();
        double[] sigma = {0.6, 0.1, -0.05, 0.1, 0.4, 0.02, -0.05, 0.02, 0.5};
        double[] g = k.gradient(x, n, d, sigma, a);
        double eps = 1e-6;
        for (int e = 0; e < d; e++)
            for (int f = 0; f <= e; f++) {
                double[] up = sigma.clone(), down = sigma.clone();
                up[e * d + f] += eps;
                down[e * d + f] -= eps;
                if (e != f) {
                    up[f * d + e] += eps;
                    down[f * d + e] -= eps;
                }
                double numeric = (trace(a, k.kernel(x, n, d, up), n) - trace(a, k.kernel(x, n, d, down), n)) / (2 * eps);
                double analytic = e == f ? g[e * d + e] : g[e * d + f] + g[f * d + e];
                assertEquals(numeric, analytic, 1e-6 * (1 + Math.abs(numeric)), "entry (" + e + ", " + f + ")");
            }
    }

    private static double trace(double[] a, double[] q, int n) {
        double t = 0;
        for (int i = 0; i < n * n; i++) t += a[i] * q[i];
        return t;
    }

    /** At Σ = σ_w² I/d the kernel is the shallow erf network's NNGP, as the Monte-Carlo-checked InfiniteWidth gives it. */
    @Test
    void atThePriorCovarianceTheKernelIsTheNngp() {
        int n = 6, d = 4;
        float[] x = points(n, d, 3);
        double sw = 1.7;
        AdaptiveKernel k = new AdaptiveKernel(10, sw, sw, 0.3);
        double[] prior = new double[d * d];
        for (int j = 0; j < d; j++) prior[j * d + j] = sw * sw / d;
        double[] q = k.kernel(x, n, d, prior);
        Gram nngp = new InfiniteWidth(LimitActivation.ERF, 1, sw, 0).of(x, n, d).nngp();
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) assertEquals(nngp.get(i, j), q[i * n + j], 1e-12);
    }

    /**
     * The solution satisfies its equations of state; a very wide network stays at the NNGP; and on
     * two separable classes the adaptive kernel of a narrow one is more collapsed than the NNGP.
     */
    @Test
    void theSolutionIsSelfConsistentAndAdaptsToTheLabels() {
        Split data = new GaussianClassesSpec(4, 2.0, 0.7, new int[] {30, 50}, 0).load(null, 1);
        int n = data.train().size(), d = 4;
        float[] x = data.train().features();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = data.train().labels()[i] == 1 ? 1 : -1;

        AdaptiveKernel narrow = new AdaptiveKernel(10, 1.0, 1.0, 1.0);
        AdaptiveKernel.Solution s = narrow.solve(x, n, d, y, 1, BLAS);
        assertTrue(s.converged(), "converged after " + s.iterations() + " iterations");
        double[] again = narrow.update(x, n, d, y, 1, s.sigma(), 10, BLAS);
        for (int i = 0; i < d * d; i++) assertEquals(s.sigma()[i], again[i], 1e-6, "Σ is a fixed point, entry " + i);

        AdaptiveKernel wide = new AdaptiveKernel(1_000_000, 1.0, 1.0, 1.0);
        double[] sigmaWide = wide.solve(x, n, d, y, 1, BLAS).sigma();
        for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) assertEquals(a == b ? 0.25 : 0, sigmaWide[a * d + b], 1e-4);

        int[] labels = data.train().labels();
        double adaptive = KernelCollapse.of(s.kernel(), labels, 2, BLAS).nc1();
        double nngp = KernelCollapse.of(new Gram(n, n, wide.kernel(x, n, d, sigmaWide)), labels, 2, BLAS).nc1();
        assertTrue(adaptive < nngp, "adaptive NC1 " + adaptive + " vs NNGP " + nngp);
    }
}
