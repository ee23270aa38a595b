package netlens.probe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import netlens.linalg.Blas;
import netlens.linalg.ClassStatistics;
import netlens.linalg.SymmetricEigen;

/**
 * Computes {@link CollapseMetrics} from class statistics. The global mean is the class-balanced
 * centre μ_G = (1/K) Σ_c μ_c: it equals the sample mean for balanced classes, keeps
 * rank(Σ_B) ≤ K − 1 and centres the ETF target for imbalanced ones. Σ_W weights samples (1/N),
 * Σ_B = (1/K) Σ_c (μ_c − μ_G)(μ_c − μ_G)ᵀ weights classes equally.
 */
public final class NeuralCollapse {
    private NeuralCollapse() {}

    /**
     * @param features    N×D features the statistics came from (for the nearest-centre classifier)
     * @param labels      true classes
     * @param predictions the network's predicted classes, or null
     * @param weights     K×D classifier weights acting on these features, or null
     */
    public static CollapseMetrics measure(ClassStatistics s, float[] features, int[] labels, int[] predictions,
                                          float[] weights, Blas blas) {
        int k = s.classes, d = s.dim;
        double[] m = centredMeans(s);
        double[] gram = new double[k * k];          // G = M Mᵀ, K×K
        for (int a = 0; a < k; a++)
            for (int b = 0; b <= a; b++) {
                double dot = 0;
                for (int j = 0; j < d; j++) dot += m[a * d + j] * m[b * d + j];
                gram[a * k + b] = dot;
                gram[b * k + a] = dot;
            }

        // NC1: Σ_B = MᵀM/K shares its non-zero eigenvalues λ_i/K with G/K; its eigenvectors are u_i = Mᵀv_i/√λ_i.
        SymmetricEigen eig = blas.eigh(gram, k);
        int rank = Math.min(k - 1, d);
        double top = eig.values()[k - 1];
        double nc1 = 0;
        for (int r = 0; r < rank; r++) {
            int col = k - 1 - r;
            double lambda = eig.values()[col];
            if (!(lambda > top * 1e-12)) break;
            double[] u = new double[d];
            for (int c = 0; c < k; c++) {
                double vc = eig.vector(col, c);
                for (int j = 0; j < d; j++) u[j] += vc * m[c * d + j];
            }
            double norm = Math.sqrt(lambda);
            for (int j = 0; j < d; j++) u[j] /= norm;
            nc1 += quadratic(s.withinCov, u, d) / (lambda / k);
        }
        nc1 = top > 0 ? nc1 / k : Double.NaN;

        double cdnv = 0;
        int pairs = 0;
        for (int a = 0; a < k; a++)
            for (int b = a + 1; b < k; b++) {
                double dist2 = 0;
                for (int j = 0; j < d; j++) {
                    double diff = s.mean(a, j) - s.mean(b, j);
                    dist2 += diff * diff;
                }
                cdnv += (s.classVariance[a] + s.classVariance[b]) / (2 * dist2);
                pairs++;
            }
        cdnv /= pairs;

        double[] norms = new double[k];
        for (int c = 0; c < k; c++) norms[c] = Math.sqrt(gram[c * k + c]);
        double[] cosines = new double[k * k];
        double equiangularity = 0;
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) {
                cosines[a * k + b] = gram[a * k + b] / (norms[a] * norms[b]);
                if (a != b) equiangularity += Math.abs(cosines[a * k + b] + 1.0 / (k - 1));
            }
        equiangularity /= k * (k - 1);

        double[] simplex = new double[k * k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) simplex[a * k + b] = ((a == b ? 1.0 : 0.0) - 1.0 / k) / Math.sqrt(k - 1);
        double etfError = frobeniusDistance(normalised(gram), simplex);

        double[] uncentred = new double[k * k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) {
                double dot = 0;
                for (int j = 0; j < d; j++) dot += s.mean(a, j) * s.mean(b, j);
                uncentred[a * k + b] = dot;
            }
        double[] frame = new double[k * k];
        for (int a = 0; a < k; a++) frame[a * k + a] = 1 / Math.sqrt(k);
        double orthogonalFrameError = frobeniusDistance(normalised(uncentred), frame);

        double weightEquinorm = Double.NaN, nc3 = Double.NaN;
        if (weights != null) {
            double[] wNorms = new double[k];
            double wF = 0, mF = 0;
            for (int c = 0; c < k; c++) {
                double sq = 0;
                for (int j = 0; j < d; j++) sq += (double) weights[c * d + j] * weights[c * d + j];
                wNorms[c] = Math.sqrt(sq);
                wF += sq;
                mF += gram[c * k + c];
            }
            weightEquinorm = relativeSpread(wNorms);
            wF = Math.sqrt(wF);
            mF = Math.sqrt(mF);
            nc3 = 0;
            for (int i = 0; i < k * d; i++) {
                double diff = weights[i] / wF - m[i] / mF;
                nc3 += diff * diff;
            }
        }

        int[] ncc = nearestCentre(s, features, labels.length, blas);
        int agree = 0, correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (ncc[i] == labels[i]) correct++;
            if (predictions != null && ncc[i] == predictions[i]) agree++;
        }
        double nc4 = predictions == null ? Double.NaN : 1 - (double) agree / labels.length;
        return new CollapseMetrics(nc1, cdnv, relativeSpread(norms), equiangularity, etfError,
                orthogonalFrameError, weightEquinorm, nc3, nc4, (double) correct / labels.length, cosines);
    }

    /** M = [μ_c − μ_G], K×D row-major, with μ_G the mean of the class means. */
    public static double[] centredMeans(ClassStatistics s) {
        int k = s.classes, d = s.dim;
        double[] centre = globalMean(s);
        double[] m = new double[k * d];
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) m[c * d + j] = s.mean(c, j) - centre[j];
        return m;
    }

    /** μ_G = (1/K) Σ_c μ_c. */
    public static double[] globalMean(ClassStatistics s) {
        double[] g = new double[s.dim];
        for (int c = 0; c < s.classes; c++)
            for (int j = 0; j < s.dim; j++) g[j] += s.mean(c, j) / s.classes;
        return g;
    }

    /** Rows of features per product in {@link #nearestCentre}. */
    private static final int ROWS = 512;

    /**
     * Nearest-class-centre labels argmin_c ‖h_i − μ_c‖ = argmin_c (‖μ_c‖² − 2 h_i·μ_c): ‖h_i‖² is
     * the same for every class, so the n×K dot products are one double-precision product per tile
     * of rows instead of n·K·D differences.
     */
    public static int[] nearestCentre(ClassStatistics s, float[] features, int n, Blas blas) {
        int k = s.classes, d = s.dim;
        double[] squared = new double[k];
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) squared[c] += s.mean(c, j) * s.mean(c, j);
        DoubleBuffer means = doubles(k * d).put(0, s.means);
        DoubleBuffer tile = doubles(Math.min(ROWS, Math.max(n, 1)) * d), dots = doubles(Math.min(ROWS, Math.max(n, 1)) * k);
        int[] out = new int[n];
        for (int start = 0; start < n; start += ROWS) {
            int rows = Math.min(ROWS, n - start);
            for (int i = 0; i < rows * d; i++) tile.put(i, features[start * d + i]);
            blas.dgemm(false, true, rows, k, d, 1, tile, 0, d, means, 0, d, 0, dots, 0, k);
            for (int r = 0; r < rows; r++) {
                double best = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double dist = squared[c] - 2 * dots.get(r * k + c);
                    if (dist < best) {
                        best = dist;
                        out[start + r] = c;
                    }
                }
            }
        }
        return out;
    }

    private static DoubleBuffer doubles(int n) {
        return ByteBuffer.allocateDirect(8 * n).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    private static double quadratic(double[] a, double[] u, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            double row = 0;
            for (int j = 0; j < d; j++) row += a[i * d + j] * u[j];
            s += u[i] * row;
        }
        return s;
    }

    private static double[] normalised(double[] a) {
        double f = 0;
        for (double v : a) f += v * v;
        f = Math.sqrt(f);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] / f;
        return out;
    }

    private static double frobeniusDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    /** Population standard deviation over mean. */
    private static double relativeSpread(double[] v) {
        double mean = 0;
        for (double x : v) mean += x;
        mean /= v.length;
        double var = 0;
        for (double x : v) var += (x - mean) * (x - mean);
        return Math.sqrt(var / v.length) / mean;
    }
}
