package netlens.observables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import netlens.kernel.Gram;
import netlens.kernel.KernelCollapse;
import netlens.linalg.Backend;
import netlens.linalg.GaussianClasses;
import netlens.linalg.RandomMatrices;
import org.junit.jupiter.api.Test;

/** The trace-ratio NC1 against its definition, a closed form, invariances and the kernel form on a linear kernel. */
class TraceRatioNc1Test {
    private static final GaussianClasses CLOUD = new GaussianClasses(5, new int[] {30, 90, 12}, 2, 0.7, 1);   // imbalanced

    /** Σ_W (samples weighted) and Σ_B (classes weighted, about μ_G = mean of the means) written out as matrices. */
    @Test
    void itIsTheRatioOfTheTracesOfTheCovariancesWrittenOut() {
        int n = CLOUD.labels.length, d = CLOUD.dim, k = CLOUD.classes;
        double[][] mu = new double[k][d];
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            count[CLOUD.labels[i]]++;
            for (int j = 0; j < d; j++) mu[CLOUD.labels[i]][j] += CLOUD.features[i * d + j];
        }
        double[] centre = new double[d];
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) centre[j] += (mu[c][j] /= count[c]) / k;
        double[][] within = new double[d][d], between = new double[d][d];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++)
                    within[a][b] += (CLOUD.features[i * d + a] - mu[CLOUD.labels[i]][a]) * (CLOUD.features[i * d + b] - mu[CLOUD.labels[i]][b]) / n;
        for (int c = 0; c < k; c++)
            for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) between[a][b] += (mu[c][a] - centre[a]) * (mu[c][b] - centre[b]) / k;
        double tw = 0, tb = 0;
        for (int a = 0; a < d; a++) {
            tw += within[a][a];
            tb += between[a][a];
        }
        assertEquals(tw / tb, TraceRatioNc1.of(CLOUD.features, d, CLOUD.labels, k), 1e-9 * tw / tb);
    }

    /** Two classes at ±e₁ with every sample σ away from its mean along e₂: Tr Σ_W = σ², Tr Σ_B = 1. */
    @Test
    void aClosedFormCase() {
        double sigma = 0.3;
        float[] x = {1, (float) sigma, 1, (float) -sigma, -1, (float) sigma, -1, (float) -sigma};
        assertEquals(sigma * sigma, TraceRatioNc1.of(x, 2, new int[] {0, 0, 1, 1}, 2), 1e-7);
    }

    @Test
    void itIsUnchangedByRotationScaleAndShift() {
        int n = CLOUD.labels.length, d = CLOUD.dim;
        double[] q = RandomMatrices.orthogonal(d, new Random(2));
        float[] y = new float[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) {
                double s = -4;
                for (int a = 0; a < d; a++) s += 2.5 * CLOUD.features[i * d + a] * q[a * d + j];
                y[i * d + j] = (float) s;
            }
        assertEquals(TraceRatioNc1.of(CLOUD.features, d, CLOUD.labels, 3), TraceRatioNc1.of(y, d, CLOUD.labels, 3), 1e-5);
    }

    /** The kernel NC1 of Kothapalli & Tirer on the linear kernel is the same number. */
    @Test
    void itEqualsTheKernelFormOnALinearKernel() {
        int n = CLOUD.labels.length, d = CLOUD.dim;
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) for (int a = 0; a < d; a++) g[i * n + j] += (double) CLOUD.features[i * d + a] * CLOUD.features[j * d + a];
        double direct = TraceRatioNc1.of(CLOUD.features, d, CLOUD.labels, 3);
        assertEquals(direct, KernelCollapse.of(new Gram(n, n, g), CLOUD.labels, 3, Backend.blas()).quotient(), 1e-9 * direct);
    }
}
