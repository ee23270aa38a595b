package netlens.probe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import netlens.linalg.Blas;
import netlens.util.Rng;

/**
 * Intrinsic dimension by TwoNN (Facco, d'Errico, Rodriguez & Laio 2017): for each point the ratio
 * μ = r₂/r₁ of its second- to first-nearest-neighbour distance follows F(μ) = 1 − μ^(−d). Points
 * with a duplicate (r₁ = 0) or a tie (r₂ = r₁) are dropped. Two estimates:
 * the fit of −log(1 − F(μ)) = d·log μ through the origin on the lowest 90 % of μ, and the maximum
 * likelihood d = (n − 1)/Σ log μ; each with a bootstrap standard error over the μ values.
 * Neighbours are found by tiled double-precision products of the centred points (distances
 * ‖x‖² + ‖y‖² − 2x·y), shortlisting a few candidates per point whose distances are then
 * recomputed directly; only a tile of the n×n distances is ever held.
 */
public final class TwoNn {
    /** Rows per tile of the distance computation. */
    private static final int TILE = 256;
    /** Candidates kept per point from the float estimate before the exact recomputation. */
    private static final int SHORTLIST = 6;
    private static final int BOOTSTRAP = 100;

    /** Estimates with bootstrap standard errors, and how many points were used and dropped. */
    public record Estimate(double fit, double fitError, double mle, double mleError, int used, int dropped) {}

    private TwoNn() {}

    public static Estimate estimate(float[] x, int n, int d, Blas blas, long seed) {
        double[] mu = ratios(x, n, d, blas);
        int dropped = n - mu.length;
        if (mu.length < 3) return new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, mu.length, dropped);
        Rng rng = Rng.stream(seed, "twonn-bootstrap");
        double[] fits = new double[BOOTSTRAP], mles = new double[BOOTSTRAP];
        double[] sample = new double[mu.length];
        for (int b = 0; b < BOOTSTRAP; b++) {
            for (int i = 0; i < sample.length; i++) sample[i] = mu[rng.nextInt(mu.length)];
            fits[b] = fit(sample.clone());
            mles[b] = mle(sample);
        }
        return new Estimate(fit(mu.clone()), std(fits), mle(mu), std(mles), mu.length, dropped);
    }

    /** d from the straight-line fit through the origin on the lowest 90 % of the sorted ratios. */
    static double fit(double[] mu) {
        Arrays.sort(mu);
        int n = mu.length, keep = (int) Math.floor(0.9 * n);
        double sxy = 0, sxx = 0;
        for (int i = 0; i < keep; i++) {
            double xi = Math.log(mu[i]);
            double yi = -Math.log(1 - (i + 1.0) / n);     // empirical F at the (i+1)-th smallest ratio
            sxy += xi * yi;
            sxx += xi * xi;
        }
        return sxy / sxx;
    }

    static double mle(double[] mu) {
        double s = 0;
        for (double m : mu) s += Math.log(m);
        return (mu.length - 1) / s;
    }

    /** μᵢ = r₂/r₁ for every point with distinct first and second neighbours. */
    static double[] ratios(float[] x, int n, int d, Blas blas) {
        // Centred, in double: collapsed clusters far from the origin keep their small distances.
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += x[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        DoubleBuffer xs = ByteBuffer.allocateDirect(8 * n * d).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        double[] sq = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j] - mean[j];
                xs.put(i * d + j, v);
                sq[i] += v * v;
            }
        int tile = Math.min(TILE, n);
        DoubleBuffer dots = ByteBuffer.allocateDirect(8 * tile * n).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        int k = Math.min(SHORTLIST, n - 1);
        double[] out = new double[n];
        int used = 0;
        int[] best = new int[k];
        double[] bestD = new double[k];
        double[] row = new double[n];
        for (int start = 0; start < n; start += tile) {
            int rows = Math.min(tile, n - start);
            blas.dgemm(false, true, rows, n, d, 1, xs, start * d, d, xs, 0, d, 0, dots, 0, n);
            for (int r = 0; r < rows; r++) {
                int i = start + r;
                dots.get(r * n, row, 0, n);
                Arrays.fill(bestD, Double.POSITIVE_INFINITY);
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    double dist = sq[i] + sq[j] - 2 * row[j];
                    if (dist < bestD[k - 1]) {
                        int p = k - 1;
                        while (p > 0 && bestD[p - 1] > dist) {
                            bestD[p] = bestD[p - 1];
                            best[p] = best[p - 1];
                            p--;
                        }
                        bestD[p] = dist;
                        best[p] = j;
                    }
                }
                double r1 = Double.POSITIVE_INFINITY, r2 = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double exact = exactDistance(x, i, best[c], d);
                    if (exact < r1) {
                        r2 = r1;
                        r1 = exact;
                    } else if (exact < r2) {
                        r2 = exact;
                    }
                }
                if (r1 > 0 && r2 > r1) out[used++] = r2 / r1;
            }
        }
        return Arrays.copyOf(out, used);
    }

    private static double exactDistance(float[] x, int a, int b, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double diff = (double) x[a * d + j] - x[b * d + j];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }

    private static double std(double[] v) {
        double mean = 0;
        for (double x : v) mean += x;
        mean /= v.length;
        double s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        return Math.sqrt(s / (v.length - 1));
    }
}
