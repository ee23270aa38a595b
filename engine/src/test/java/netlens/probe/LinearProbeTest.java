package netlens.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import netlens.linalg.Backend;
import netlens.linalg.ClassStatistics;
import netlens.linalg.GaussianClasses;
import netlens.linalg.Pca;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The closed-form ridge probe against an explicit ridge regression solved with EJML. */
class LinearProbeTest {
    @Test
    void predictionsMatchAnExplicitRidgeRegressionOnOneHotTargets() {
        GaussianClasses g = new GaussianClasses(5, new int[] {70, 40, 90}, 0.8, 1.0, 11);
        int n = g.labels.length, d = g.dim, k = g.classes;
        ClassStatistics s = ClassStatistics.of(g.features, d, g.labels, k, Backend.blas());
        Pca pca = Pca.of(s.totalCov, s.sampleMean, d, 2, Backend.blas());
        double accuracy = new LinearProbe(s, pca).accuracy(g.features, g.labels);

        double[] xm = new double[d], ym = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) xm[j] += g.features[i * d + j] / n;
            ym[g.labels[i]] += 1.0 / n;
        }
        DMatrixRMaj x = new DMatrixRMaj(n, d), y = new DMatrixRMaj(n, k);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) x.set(i, j, g.features[i * d + j] - xm[j]);
            for (int c = 0; c < k; c++) y.set(i, c, (g.labels[i] == c ? 1 : 0) - ym[c]);
        }
        DMatrixRMaj xtx = new DMatrixRMaj(d, d), xty = new DMatrixRMaj(d, k), w = new DMatrixRMaj(d, k);
        CommonOps_DDRM.multTransA(x, x, xtx);
        CommonOps_DDRM.multTransA(x, y, xty);
        CommonOps_DDRM.scale(1.0 / n, xtx);
        CommonOps_DDRM.scale(1.0 / n, xty);
        double lambda = LinearProbe.RELATIVE_RIDGE * CommonOps_DDRM.trace(xtx) / d;
        for (int j = 0; j < d; j++) xtx.add(j, j, lambda);
        CommonOps_DDRM.solve(xtx, xty, w);
        DMatrixRMaj scores = new DMatrixRMaj(n, k);
        CommonOps_DDRM.mult(x, w, scores);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) if (scores.get(i, c) + ym[c] > scores.get(i, best) + ym[best]) best = c;
            if (best == g.labels[i]) correct++;
        }
        assertEquals((double) correct / n, accuracy, 1e-12);
    }

    @Test
    void linearlySeparableClassesAreClassifiedPerfectly() {
        GaussianClasses g = new GaussianClasses(4, new int[] {50, 50, 50, 50}, 10, 0.2, 2);
        ClassStatistics s = ClassStatistics.of(g.features, g.dim, g.labels, g.classes, Backend.blas());
        assertEquals(1.0, new LinearProbe(s, Pca.of(s.totalCov, s.sampleMean, g.dim, 2, Backend.blas())).accuracy(g.features, g.labels));
    }
}
