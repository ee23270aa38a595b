package netlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import netlens.linalg.Backend;
import netlens.linalg.Blas;
import netlens.linalg.ClassStatistics;
import netlens.observables.TraceRatioNc1;
import netlens.probe.CollapseMetrics;
import netlens.probe.NeuralCollapse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kernel NC1 on a linear kernel equals the feature-space measures on the features themselves. */
class KernelCollapseTest {
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 12})       // fewer, as many and more dimensions than classes − 1
    void aLinearKernelGivesTheFeatureSpaceCollapseOnImbalancedClasses(int dim) {
        Blas blas = Backend.blas();
        int[] counts = {7, 40, 13, 90};
        int classes = counts.length, n = 0;
        for (int c : counts) n += c;
        Random rng = new Random(dim);
        float[] x = new float[n * dim];
        int[] labels = new int[n];
        double[][] means = new double[classes][dim];
        for (double[] m : means) for (int j = 0; j < dim; j++) m[j] = 3 + 2 * rng.nextGaussian();
        for (int c = 0, i = 0; c < classes; c++)
            for (int s = 0; s < counts[c]; s++, i++) {
                labels[i] = c;
                for (int j = 0; j < dim; j++) x[i * dim + j] = (float) (means[c][j] + (0.5 + c) * rng.nextGaussian());
            }
        double[] gram = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < dim; k++) dot += (double) x[i * dim + k] * x[j * dim + k];
                gram[i * n + j] = dot;
            }
        KernelCollapse kernel = KernelCollapse.of(new Gram(n, n, gram), labels, classes, blas);
        CollapseMetrics features = NeuralCollapse.measure(ClassStatistics.of(x, dim, labels, classes, blas), x, labels, null, null, blas);
        assertEquals(features.nc1(), kernel.nc1(), 1e-6 * features.nc1());
        double traceRatio = TraceRatioNc1.of(x, dim, labels, classes);
        assertEquals(traceRatio, kernel.quotient(), 1e-6 * traceRatio);
        assertEquals(features.cdnv(), kernel.cdnv(), 1e-6 * features.cdnv());
    }
}
