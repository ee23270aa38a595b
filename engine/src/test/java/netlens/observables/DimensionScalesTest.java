package netlens.observables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import netlens.linalg.Backend;
import netlens.linalg.RandomMatrices;
import netlens.probe.Neighbours;
import org.junit.jupiter.api.Test;

/** Levina–Bickel and GRIDE against their likelihoods written out, exact samples and clouds of known dimension. */
class DimensionScalesTest {
    /**
     * In a Poisson process in d dimensions the volumes of the balls reaching the n-th neighbour are
     * sums of n unit exponentials, so μ = r_{2m}/r_m = (V_{2m}/V_m)^{1/d} is drawn exactly.
     */
    private static double[] exactRatios(int d, int m, int count, Random r) {
        double[] mu = new double[count];
        for (int i = 0; i < count; i++) {
            double v = 0, vm = 0;
            for (int j = 1; j <= 2 * m; j++) {
                v += -Math.log(1 - r.nextDouble());
                if (j == m) vm = v;
            }
            mu[i] = Math.pow(v / vm, 1.0 / d);
        }
        return mu;
    }

    /** 20,000 exact ratios: the MLE's standard error is below 1 %, the tolerance 3 %. */
    @Test
    void grideRecoversTheDimensionOfExactRatiosAtEveryOrder() {
        Random r = new Random(1);
        for (int m : new int[] {1, 2, 4, 16})
            for (int d : new int[] {2, 7}) assertEquals(d, DimensionScales.gride(exactRatios(d, m, 20_000, r), m), 0.03 * d, "d = " + d + ", m = " + m);
    }

    /** The estimate is the maximum of Σ log f(μ) over d, found here on a fine grid. */
    @Test
    void grideMaximisesItsLogLikelihood() {
        double[] mu = exactRatios(4, 3, 500, new Random(2));
        int m = 3;
        double best = Double.NEGATIVE_INFINITY, argmax = 0;
        for (double d = 0.5; d < 12; d += 1e-4) {
            double ll = 0;
            for (double v : mu) ll += Math.log(d) + (m - 1) * Math.log(Math.pow(v, d) - 1) - ((2 * m - 1) * d + 1) * Math.log(v);
            if (ll > best) {
                best = ll;
                argmax = d;
            }
        }
        assertEquals(argmax, DimensionScales.gride(mu, m), 2e-4);
    }

    @Test
    void grideOfOrderOneIsTwoNnsClosedForm() {
        double[] mu = {1.5, 2.0, 1.1, 3.0};
        double logs = Arrays.stream(mu).map(Math::log).sum();
        assertEquals(4 / logs, DimensionScales.gride(mu, 1), 1e-12);
    }

    /** The pooled estimate from neighbour distances found by brute force: n(k−1)/Σ_x Σ_{j<k} log(T_k/T_j). */
    @Test
    void levinaBickelIsThePooledMaximumLikelihoodOverTheNearestK() {
        Random r = new Random(3);
        int n = 300, d = 5, k = 8;
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        double logs = 0;
        for (int i = 0; i < n; i++) {
            double[] dist = new double[n - 1];
            int at = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double s = 0;
                for (int a = 0; a < d; a++) s += Math.pow((double) x[i * d + a] - x[j * d + a], 2);
                dist[at++] = Math.sqrt(s);
            }
            Arrays.sort(dist);
            for (int j = 0; j < k - 1; j++) logs += Math.log(dist[k - 1] / dist[j]);
        }
        double[] neighbours = Neighbours.distances(x, n, d, 10, Backend.blas());
        assertEquals(n * (k - 1) / logs, DimensionScales.levinaBickel(neighbours, n, 10, k), 1e-9);
    }

    /**
     * A 4-dimensional Gaussian cloud rotated into 12 dimensions: both estimators give about 4 at small
     * scales (2,000 points; the Levina–Bickel estimate is biased down by a few percent at k = 20, the
     * boundary effect of a Gaussian's thinning tails, hence a 10 % tolerance).
     */
    @Test
    void aFourDimensionalCloudHasDimensionFourAtSmallScales() {
        Random r = new Random(4);
        int n = 2000, small = 4, big = 12;
        double[] q = RandomMatrices.orthogonal(big, r);
        float[] x = new float[n * big];
        for (int i = 0; i < n; i++) {
            double[] z = new double[small];
            for (int a = 0; a < small; a++) z[a] = r.nextGaussian();
            for (int j = 0; j < big; j++) {
                double s = 10;
                for (int a = 0; a < small; a++) s += q[j * big + a] * z[a];
                x[i * big + j] = (float) s;
            }
        }
        double[] neighbours = Neighbours.distances(x, n, big, 20, Backend.blas());
        assertEquals(4, DimensionScales.levinaBickel(neighbours, n, 20, 10), 0.4);
        for (int m : new int[] {1, 2, 4})
            assertEquals(4, DimensionScales.gride(DimensionScales.ratios(neighbours, n, 20, m), m), 0.4, "order " + m);
    }
}
