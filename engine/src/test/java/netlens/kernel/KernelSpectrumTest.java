package netlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import netlens.linalg.Backend;
import org.junit.jupiter.api.Test;

class KernelSpectrumTest {
    @Test
    void theLabelKernelPutsAllOfTheLabelInItsFirstEigenvector() {
        int p = 40;
        int[] labels = new int[p];
        double[] y = new double[p];
        for (int i = 0; i < p; i++) y[i] = (labels[i] = i % 3 == 0 ? 1 : 0) == 1 ? 1 : -1;
        double[] k = new double[p * p];
        Random r = new Random(1);
        double[] noise = new double[p];
        for (int i = 0; i < p; i++) noise[i] = r.nextGaussian();
        for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) k[i * p + j] = 5 * y[i] * y[j] + 0.1 * noise[i] * noise[j];
        KernelSpectrum s = KernelSpectrum.of(new Gram(p, p, k), labels, 2, Backend.blas(), 3);
        assertTrue(s.projections()[0] > 0.99, "ω₁² = " + s.projections()[0]);
        assertEquals(1, s.cumulative()[p - 1], 1e-9, "the projections add up to 1");
        double kyy = 0, kk = 0;
        for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) {
            kyy += k[i * p + j] * y[i] * y[j];
            kk += k[i * p + j] * k[i * p + j];
        }
        assertEquals(kyy / (Math.sqrt(kk) * p), s.alignment(), 1e-12, "⟨K, yyᵀ⟩/(‖K‖ ‖yyᵀ‖), ‖yyᵀ‖ = p");
        assertTrue(s.mutualInformation()[0] > 0.9, "the top eigenvector carries the label: " + s.mutualInformation()[0]);
    }

    @Test
    void aFeatureIndependentOfTheLabelCarriesAboutNoInformation() {
        Random r = new Random(2);
        int n = 4000;
        double[] f = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            f[i] = r.nextGaussian();
            labels[i] = r.nextBoolean() ? 1 : 0;
        }
        double info = MutualInformation.knn(f, labels, 5);
        assertTrue(Math.abs(info) < 0.1, "I = " + info);
        for (int i = 0; i < n; i++) f[i] = labels[i] + 0.01 * r.nextGaussian();   // now the feature is the label
        assertTrue(MutualInformation.knn(f, labels, 5) > 0.95);
    }
}
