package netlens.kernel;

import netlens.data.Dataset;

/**
 * Classical kernels on inputs, as learning-curve baselines: Laplace exp(−‖x − x'‖/σ) and
 * Gaussian exp(−‖x − x'‖²/(2σ²)). netlens uses σ = √d by default, the typical distance scale of
 * N(0, I_d) inputs.
 */
public final class Kernels {
    public enum Kind { LAPLACE, GAUSSIAN }

    private Kernels() {}

    public static Gram between(Kind kind, Dataset a, Dataset b, double sigma) {
        int n = a.size(), m = b.size(), d = a.dim();
        double[] values = new double[n * m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double diff = a.features()[i * d + t] - b.features()[j * d + t];
                    s += diff * diff;
                }
                values[i * m + j] = kind == Kind.LAPLACE ? Math.exp(-Math.sqrt(s) / sigma) : Math.exp(-s / (2 * sigma * sigma));
            }
        return new Gram(n, m, values);
    }
}
