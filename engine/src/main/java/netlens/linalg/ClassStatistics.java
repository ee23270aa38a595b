package netlens.linalg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * First and second moments of labelled features h_i ∈ R^D (row-major N×D float32), in double
 * precision: class counts n_c, class means μ_c, the sample mean μ̄, the within-class covariance
 * Σ_W = (1/N) Σ_i (h_i − μ_c(i))(h_i − μ_c(i))ᵀ, the total covariance Σ_T, and the per-class
 * variances σ_c² = (1/n_c) Σ_{i∈c} ‖h_i − μ_c‖².
 * Σ_W is accumulated from class-centred tiles (two passes, no N×D² memory and no cancellation
 * between large means and small spreads); Σ_T = Σ_W + Σ_c (n_c/N)(μ_c − μ̄)(μ_c − μ̄)ᵀ exactly.
 * Each tile's product is a single-precision symmetric rank-k update (half the time of double; the
 * features are float32 to begin with, and centring first keeps the products' relative error near
 * √TILE·2⁻²⁴ ≈ 2·10⁻⁶), summed over tiles in double.
 */
public final class ClassStatistics {
    /** Rows per tile of centred features handed to ssyrk. */
    private static final int TILE = 1024;

    public final int n;
    public final int dim;
    public final int classes;
    public final int[] counts;
    /** K×D row-major. */
    public final double[] means;
    public final double[] sampleMean;
    /** D×D row-major. */
    public final double[] withinCov;
    public final double[] totalCov;
    public final double[] classVariance;

    private ClassStatistics(int n, int dim, int classes, int[] counts, double[] means, double[] sampleMean,
                            double[] withinCov, double[] totalCov, double[] classVariance) {
        this.n = n;
        this.dim = dim;
        this.classes = classes;
        this.counts = counts;
        this.means = means;
        this.sampleMean = sampleMean;
        this.withinCov = withinCov;
        this.totalCov = totalCov;
        this.classVariance = classVariance;
    }

    public static ClassStatistics of(float[] features, int dim, int[] labels, int classes, Blas blas) {
        int n = labels.length;
        int[] counts = new int[classes];
        double[] means = new double[classes * dim];
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            counts[c]++;
            for (int j = 0, src = i * dim, dst = c * dim; j < dim; j++) means[dst + j] += features[src + j];
        }
        double[] sampleMean = new double[dim];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < dim; j++) sampleMean[j] += means[c * dim + j];
            if (counts[c] > 0) for (int j = 0; j < dim; j++) means[c * dim + j] /= counts[c];
        }
        for (int j = 0; j < dim; j++) sampleMean[j] /= n;

        FloatBuffer tile = ByteBuffer.allocateDirect(4 * Math.min(TILE, Math.max(n, 1)) * dim).order(ByteOrder.nativeOrder()).asFloatBuffer();
        FloatBuffer product = ByteBuffer.allocateDirect(4 * dim * dim).order(ByteOrder.nativeOrder()).asFloatBuffer();
        double[] within = new double[dim * dim];
        double[] classVariance = new double[classes];
        for (int start = 0; start < n; start += TILE) {
            int rows = Math.min(TILE, n - start);
            for (int r = 0; r < rows; r++) {
                int i = start + r, c = labels[i];
                double sq = 0;
                for (int j = 0, src = i * dim, mu = c * dim, dst = r * dim; j < dim; j++) {
                    double v = features[src + j] - means[mu + j];
                    tile.put(dst + j, (float) v);
                    sq += v * v;
                }
                classVariance[c] += sq;
            }
            // The tile's XᵀX: its rows are samples, so the update is of the transposed tile (dim × rows).
            blas.ssyrk(true, dim, rows, 1f, tile, 0, dim, 0f, product, 0, dim);
            for (int a = 0; a < dim; a++)
                for (int b = a; b < dim; b++) within[a * dim + b] += product.get(a * dim + b);
        }
        for (int a = 0; a < dim; a++)
            for (int b = a; b < dim; b++) {
                within[a * dim + b] /= n;
                within[b * dim + a] = within[a * dim + b];
            }
        for (int c = 0; c < classes; c++) if (counts[c] > 0) classVariance[c] /= counts[c];
        double[] total = within.clone();
        for (int c = 0; c < classes; c++) {
            double w = (double) counts[c] / n;
            for (int a = 0; a < dim; a++) {
                double da = means[c * dim + a] - sampleMean[a];
                for (int b = 0; b < dim; b++) total[a * dim + b] += w * da * (means[c * dim + b] - sampleMean[b]);
            }
        }
        return new ClassStatistics(n, dim, classes, counts, means, sampleMean, within, total, classVariance);
    }

    public double mean(int c, int j) {
        return means[c * dim + j];
    }

    /** Classes that have at least one sample. */
    public int presentClasses() {
        int k = 0;
        for (int count : counts) if (count > 0) k++;
        return k;
    }
}
