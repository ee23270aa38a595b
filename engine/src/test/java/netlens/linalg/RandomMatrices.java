package netlens.linalg;

import java.util.Arrays;
import java.util.Random;

/** Test matrices with known structure. */
public final class RandomMatrices {
    private RandomMatrices() {}

    /** A random orthogonal n×n matrix by Gram–Schmidt on Gaussian columns (row-major, columns orthonormal). */
    public static double[] orthogonal(int n, Random r) {
        double[] q = new double[n * n];
        for (int j = 0; j < n; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += v[i] * q[i * n + p];
                for (int i = 0; i < n; i++) v[i] -= dot * q[i * n + p];
            }
            double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
            for (int i = 0; i < n; i++) q[i * n + j] = v[i] / norm;
        }
        return q;
    }
}
