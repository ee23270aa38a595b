package netlens.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import netlens.linalg.Backend;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

/** PCA from the streamed covariance against EJML's SVD of the explicitly centred data matrix. */
class PcaTest {
    @Test
    void axesAndExplainedVarianceMatchTheSvdOfTheCentredData() {
        GaussianClasses g = new GaussianClasses(8, new int[] {120, 80, 60}, 3, 1, 2);
        int n = g.labels.length, d = g.dim;
        ClassStatistics s = ClassStatistics.of(g.features, d, g.labels, g.classes, Backend.blas());
        Pca pca = Pca.of(s.totalCov, s.sampleMean, d, 2, Backend.blas());

        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) x.set(i, j, g.features[i * d + j] - s.sampleMean[j]);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, true, true);
        svd.decompose(x);
        double[] sv = svd.getSingularValues();
        DMatrixRMaj vt = svd.getV(null, true);
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(sv[b], sv[a]));
        double total = 0;
        for (double v : sv) total += v * v;
        float[] proj = pca.project(g.features, n);
        for (int a = 0; a < 2; a++) {
            int k = order[a];
            // The covariance's single-precision products (ClassStatistics) bound the agreement near 1e-7 relative.
            assertEquals(sv[k] * sv[k] / total, pca.explained[a], 1e-6 * pca.explained[a]);
            assertEquals(sv[k] * sv[k] / n, pca.variance[a], 1e-6 * pca.variance[a]);
            double dot = 0;
            for (int j = 0; j < d; j++) dot += vt.get(k, j) * pca.axes[a * d + j];
            assertEquals(1, Math.abs(dot), 1e-9, "axis " + a + " is the singular vector up to sign");
            double sumSq = 0;
            for (int i = 0; i < n; i++) sumSq += (double) proj[i * 2 + a] * proj[i * 2 + a];
            assertEquals(sv[k] * sv[k], sumSq, 1e-3 * sv[k] * sv[k]);
        }
    }

    @Test
    void effectiveRanksOfAFlatSpectrumCountItsDirections() {
        double[] cov = new double[16];
        cov[0] = cov[5] = cov[10] = 2.5;                 // variance 2.5 in three directions, none in the fourth
        Pca pca = Pca.of(cov, new double[4], 4, 2, Backend.blas());
        assertEquals(3, pca.effectiveRank(), 1e-9);
        assertEquals(3, pca.entropyRank(), 1e-9);
        double[] skewed = new double[4];
        skewed[0] = 3;
        skewed[3] = 1;                                    // spectrum (3, 1): PR = 16/10, entropy rank = exp(H(3/4, 1/4))
        Pca two = Pca.of(skewed, new double[2], 2, 2, Backend.blas());
        assertEquals(1.6, two.effectiveRank(), 1e-9);
        assertEquals(Math.exp(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25))), two.entropyRank(), 1e-9);
    }

    @Test
    void theLargestLoadingOfEachAxisIsPositive() {
        GaussianClasses g = new GaussianClasses(5, new int[] {40, 40}, 3, 1, 7);
        ClassStatistics s = ClassStatistics.of(g.features, g.dim, g.labels, g.classes, Backend.blas());
        Pca pca = Pca.of(s.totalCov, s.sampleMean, g.dim, 2, Backend.blas());
        for (int a = 0; a < 2; a++) {
            int arg = 0;
            for (int j = 1; j < g.dim; j++) if (Math.abs(pca.axes[a * g.dim + j]) > Math.abs(pca.axes[a * g.dim + arg])) arg = j;
            org.junit.jupiter.api.Assertions.assertTrue(pca.axes[a * g.dim + arg] > 0);
        }
    }
}
