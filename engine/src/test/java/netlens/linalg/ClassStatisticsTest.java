package netlens.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import netlens.linalg.Backend;
import netlens.linalg.Blas;
import org.junit.jupiter.api.Test;

/** Tiled two-pass moments against sums written out in the test. */
class ClassStatisticsTest {
    @Test
    void momentsMatchTheDefinitionsOnImbalancedClasses() {
        GaussianClasses g = new GaussianClasses(6, new int[] {50, 300, 7}, 2, 0.5, 1);  // 357 rows: more than one tile
        for (Blas blas : new Blas[] {Backend.blas(), Backend.pureJava()}) {
            ClassStatistics s = ClassStatistics.of(g.features, g.dim, g.labels, g.classes, blas);
            int n = g.labels.length, d = g.dim;
            double[][] mu = new double[g.classes][d];
            int[] cnt = new int[g.classes];
            double[] all = new double[d];
            for (int i = 0; i < n; i++) {
                cnt[g.labels[i]]++;
                for (int j = 0; j < d; j++) {
                    mu[g.labels[i]][j] += g.features[i * d + j];
                    all[j] += g.features[i * d + j] / n;
                }
            }
            for (int c = 0; c < g.classes; c++) for (int j = 0; j < d; j++) mu[c][j] /= cnt[c];
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) {
                    double w = 0, t = 0;
                    for (int i = 0; i < n; i++) {
                        double[] m = mu[g.labels[i]];
                        w += (g.features[i * d + a] - m[a]) * (g.features[i * d + b] - m[b]) / n;
                        t += (g.features[i * d + a] - all[a]) * (g.features[i * d + b] - all[b]) / n;
                    }
                    // Single-precision products of centred float32 features: an error of order 1e-7 of the
                    // entry's natural scale √(Σ_aa Σ_bb) (an off-diagonal entry near 0 keeps that absolute error).
                    double scale = Math.sqrt(s.withinCov[a * d + a] * s.withinCov[b * d + b]);
                    assertEquals(w, s.withinCov[a * d + b], 1e-6 * scale, blas.name() + " Σ_W");
                    assertEquals(t, s.totalCov[a * d + b], 1e-6 * scale + 1e-9, blas.name() + " Σ_T");
                }
            for (int c = 0; c < g.classes; c++) {
                assertEquals(cnt[c], s.counts[c]);
                double var = 0;
                for (int i = 0; i < n; i++)
                    if (g.labels[i] == c) for (int j = 0; j < d; j++) var += Math.pow(g.features[i * d + j] - mu[c][j], 2) / cnt[c];
                assertEquals(var, s.classVariance[c], 1e-10);
                for (int j = 0; j < d; j++) assertEquals(mu[c][j], s.mean(c, j), 1e-12);
            }
        }
    }
}
