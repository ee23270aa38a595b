package netlens.probe;

import netlens.linalg.ClassStatistics;
import netlens.linalg.Pca;

/**
 * A regularised linear classifier on frozen features: ridge regression onto one-hot targets in
 * closed form, W = (Σ_T + λI)⁻¹ C with C = (1/N) X_cᵀY_c, whose column c is (n_c/N)(μ_c − μ̄);
 * a sample is assigned the class with the largest score (h − μ̄)ᵀW_c + n_c/N. λ = 10⁻³·tr Σ_T/D.
 * Everything comes from the class statistics already computed for PCA and collapse, so the probe
 * costs one D×D×K solve. Samples are weighted equally, so with imbalanced classes larger classes
 * weigh more, as in any unweighted least-squares fit.
 */
public final class LinearProbe {
    public static final double RELATIVE_RIDGE = 1e-3;

    private final ClassStatistics stats;
    private final double[] weights;     // D×K
    private final double[] bias;        // K

    public LinearProbe(ClassStatistics s, Pca pca) {
        this.stats = s;
        int d = s.dim, k = s.classes;
        double[] c = new double[d * k];
        for (int cls = 0; cls < k; cls++) {
            double w = (double) s.counts[cls] / s.n;
            for (int j = 0; j < d; j++) c[j * k + cls] = w * (s.mean(cls, j) - s.sampleMean[j]);
        }
        double trace = 0;
        for (double l : pca.spectrum) trace += l;
        double lambda = Math.max(RELATIVE_RIDGE * trace / d, 1e-12);
        weights = pca.solveShifted(c, k, lambda);
        bias = new double[k];
        for (int cls = 0; cls < k; cls++) bias[cls] = (double) s.counts[cls] / s.n;
    }

    /** Fraction of the n samples in x (row-major, D wide) whose best-scoring class is their label. */
    public double accuracy(float[] x, int[] labels) {
        int d = stats.dim, k = stats.classes, n = labels.length;
        if (n == 0) return Double.NaN;
        int correct = 0;
        double[] centred = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) centred[j] = x[i * d + j] - stats.sampleMean[j];
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double score = bias[c];
                for (int j = 0; j < d; j++) score += centred[j] * weights[j * k + c];
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            if (best == labels[i]) correct++;
        }
        return (double) correct / n;
    }
}
