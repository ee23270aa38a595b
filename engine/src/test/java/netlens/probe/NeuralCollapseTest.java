package netlens.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import netlens.linalg.Backend;
import netlens.linalg.Blas;
import netlens.linalg.ClassStatistics;
import netlens.linalg.GaussianClasses;
import netlens.observables.TraceRatioNc1;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Collapse measures on constructed features with known answers, and NC1 by brute force. */
class NeuralCollapseTest {
    private static final Blas BLAS = Backend.blas();

    /** K class means forming a simplex ETF in R^D (rotated by a random orthogonal map), scaled by s. */
    private static double[] etfMeans(int k, int d, double s, long seed) {
        double[] q = netlens.linalg.RandomMatrices.orthogonal(d, new Random(seed));
        double[] m = new double[k * d];
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (int p = 0; p < k; p++) v += ((p == c ? 1.0 : 0.0) - 1.0 / k) * q[j * d + p];   // rows of (I − 11ᵀ/K) rotated
                m[c * d + j] = 3 + s * v;
            }
        return m;
    }

    @Test
    void exactlyCollapsedFeaturesOnASimplexEtfHaveZeroCollapseMeasures() {
        int k = 4, d = 6, per = 5;
        double[] means = etfMeans(k, d, 2.5, 1);
        float[] h = new float[k * per * d];
        int[] y = new int[k * per];
        for (int i = 0; i < k * per; i++) {
            y[i] = i / per;
            for (int j = 0; j < d; j++) h[i * d + j] = (float) means[y[i] * d + j];
        }
        ClassStatistics s = ClassStatistics.of(h, d, y, k, BLAS);
        // Classifier rows equal to the centred means: self-duality, NC3 = 0.
        float[] w = new float[k * d];
        double[] m = NeuralCollapse.centredMeans(s);
        for (int i = 0; i < w.length; i++) w[i] = (float) (0.3 * m[i]);
        CollapseMetrics c = NeuralCollapse.measure(s, h, y, y.clone(), w, BLAS);
        assertEquals(0, c.nc1(), 1e-10);
        assertEquals(0, TraceRatioNc1.of(h, d, y, k), 1e-10);
        assertEquals(0, c.cdnv(), 1e-10);
        assertEquals(0, c.equinorm(), 1e-6);
        assertEquals(0, c.equiangularity(), 1e-6);
        assertEquals(0, c.etfError(), 1e-6);
        assertEquals(0, c.weightEquinorm(), 1e-6);
        assertEquals(0, c.nc3(), 1e-10);
        assertEquals(0, c.nc4(), 0);
        assertEquals(1, c.nccAccuracy(), 0);
        for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) assertEquals(a == b ? 1 : -1.0 / (k - 1), c.cosines()[a * k + b], 1e-6);
    }

    @Test
    void nc1EqualsTraceOfWithinTimesPseudoInverseBetweenOverK() {
        GaussianClasses g = new GaussianClasses(7, new int[] {60, 90, 30, 45}, 1.5, 1.0, 4);
        ClassStatistics s = ClassStatistics.of(g.features, g.dim, g.labels, g.classes, BLAS);
        int d = g.dim, k = g.classes, n = g.labels.length;
        // Brute force: Σ_W and Σ_B from the definitions, Σ_B⁺ by EJML's pseudo-inverse.
        double[] mu = new double[k * d];
        int[] cnt = new int[k];
        for (int i = 0; i < n; i++) {
            cnt[g.labels[i]]++;
            for (int j = 0; j < d; j++) mu[g.labels[i] * d + j] += g.features[i * d + j];
        }
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) mu[c * d + j] /= cnt[c];
        double[] centre = new double[d];
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) centre[j] += mu[c * d + j] / k;
        DMatrixRMaj sw = new DMatrixRMaj(d, d), sb = new DMatrixRMaj(d, d);
        for (int i = 0; i < n; i++)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) {
                    int c = g.labels[i];
                    sw.add(a, b, (g.features[i * d + a] - mu[c * d + a]) * (g.features[i * d + b] - mu[c * d + b]) / n);
                }
        for (int c = 0; c < k; c++)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) sb.add(a, b, (mu[c * d + a] - centre[a]) * (mu[c * d + b] - centre[b]) / k);
        DMatrixRMaj pinv = new DMatrixRMaj(d, d);
        CommonOps_DDRM.pinv(sb, pinv);
        DMatrixRMaj prod = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(sw, pinv, prod);
        double want = CommonOps_DDRM.trace(prod) / k;

        CollapseMetrics c = NeuralCollapse.measure(s, g.features, g.labels, null, null, BLAS);
        assertEquals(want, c.nc1(), 1e-6 * want);                   // Σ_W from single-precision products
        assertEquals(CommonOps_DDRM.trace(sw) / CommonOps_DDRM.trace(sb), TraceRatioNc1.of(g.features, d, g.labels, k), 1e-9);
        assertEquals(Double.NaN, c.nc3());
        assertEquals(Double.NaN, c.nc4());
    }

    @Test
    void cdnvAveragesVarianceOverSquaredMeanDistanceAcrossPairs() {
        GaussianClasses g = new GaussianClasses(3, new int[] {20, 30, 25}, 2, 0.7, 9);
        ClassStatistics s = ClassStatistics.of(g.features, g.dim, g.labels, g.classes, BLAS);
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) {
                if (a == b) continue;
                double dist = 0;
                for (int j = 0; j < 3; j++) dist += Math.pow(s.mean(a, j) - s.mean(b, j), 2);
                sum += (s.classVariance[a] + s.classVariance[b]) / (2 * dist);
                pairs++;
            }
        assertEquals(sum / pairs, NeuralCollapse.measure(s, g.features, g.labels, null, null, BLAS).cdnv(), 1e-12);
    }

    @Test
    void nc4CountsDisagreementsWithTheNearestCentre() {
        float[] h = {0, 0, 10, 10, 0.1f, 0, 9, 10};           // two classes near (0,0) and (10,10)
        int[] y = {0, 1, 0, 1};
        ClassStatistics s = ClassStatistics.of(h, 2, y, 2, BLAS);
        int[] predictions = {0, 0, 0, 1};
        CollapseMetrics c = NeuralCollapse.measure(s, h, y, predictions, null, BLAS);
        assertEquals(0.25, c.nc4(), 1e-12);
        assertEquals(1, c.nccAccuracy(), 1e-12);
    }

    @Test
    void theNearestEtfOfEtfMeansIsThoseMeans() {
        int k = 5, d = 7;
        double[] means = etfMeans(k, d, 4, 3);
        float[] h = new float[k * d];
        int[] y = new int[k];
        for (int c = 0; c < k; c++) {
            y[c] = c;
            for (int j = 0; j < d; j++) h[c * d + j] = (float) means[c * d + j];
        }
        ClassStatistics s = ClassStatistics.of(h, d, y, k, BLAS);
        double[] etf = SimplexEtf.nearest(s, BLAS);
        for (int i = 0; i < k * d; i++) assertEquals(means[i], etf[i], 1e-5);
    }

    @Test
    void theNearestEtfIsASimplexEvenForDistortedMeans() {
        GaussianClasses g = new GaussianClasses(6, new int[] {10, 10, 10, 10}, 3, 0.1, 5);
        ClassStatistics s = ClassStatistics.of(g.features, g.dim, g.labels, g.classes, BLAS);
        double[] etf = SimplexEtf.nearest(s, BLAS);
        int k = 4, d = 6;
        double[] c = new double[d];
        for (int a = 0; a < k; a++) for (int j = 0; j < d; j++) c[j] += etf[a * d + j] / k;
        double[] norms = new double[k];
        for (int a = 0; a < k; a++) for (int j = 0; j < d; j++) norms[a] += Math.pow(etf[a * d + j] - c[j], 2);
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) {
                if (a == b) continue;
                double dot = 0;
                for (int j = 0; j < d; j++) dot += (etf[a * d + j] - c[j]) * (etf[b * d + j] - c[j]);
                assertEquals(-1.0 / (k - 1), dot / Math.sqrt(norms[a] * norms[b]), 1e-9);
            }
        for (int a = 1; a < k; a++) assertEquals(norms[0], norms[a], 1e-9 * norms[0]);
    }

    /** The product form of the nearest class centre against every distance computed out, over several row tiles and overlapping classes. */
    @Test
    void nearestCentreMatchesTheDistances() {
        GaussianClasses g = new GaussianClasses(33, new int[] {300, 250, 400, 200, 350, 100, 90}, 0.4, 1.0, 9);
        int n = g.labels.length, d = g.dim;
        for (Blas blas : new Blas[] {Backend.blas(), Backend.pureJava()}) {
            ClassStatistics s = ClassStatistics.of(g.features, d, g.labels, g.classes, blas);
            int[] got = NeuralCollapse.nearestCentre(s, g.features, n, blas);
            int disagreements = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double[] dist = new double[g.classes];
                for (int c = 0; c < g.classes; c++) {
                    for (int j = 0; j < d; j++) dist[c] += Math.pow(g.features[i * d + j] - s.mean(c, j), 2);
                    if (dist[c] < dist[best]) best = c;
                }
                // Only a near tie (relative gap below 1e-12) may fall either way.
                if (got[i] != best && Math.abs(dist[got[i]] - dist[best]) > 1e-12 * dist[best]) disagreements++;
            }
            assertEquals(0, disagreements, blas.name());
        }
    }
}
