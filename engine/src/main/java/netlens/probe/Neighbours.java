package netlens.probe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import netlens.linalg.Blas;

/**
 * The distances from every point to its k nearest other points, ascending (n × k, row-major), for
 * intrinsic-dimension estimators. Candidates come from tiled double-precision products of the
 * centred points (distances ‖x‖² + ‖y‖² − 2x·y), a few more than k per point; their distances are
 * then recomputed directly, so collapsed clusters far from the origin keep their small distances.
 * Only a tile of the n × n distances is ever held.
 */
public final class Neighbours {
    /** Rows per tile of the distance computation. */
    private static final int TILE = 256;
    /** Candidates kept per point beyond k before the exact recomputation. */
    private static final int SPARE = 4;

    private Neighbours() {}

    public static double[] distances(float[] x, int n, int d, int k, Blas blas) {
        if (k >= n) throw new IllegalArgumentException(k + " neighbours need more than " + n + " points");
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
        int m = Math.min(k + SPARE, n - 1);
        int[] best = new int[m];
        double[] bestD = new double[m];
        double[] row = new double[n];
        double[] exact = new double[m];
        double[] out = new double[n * k];
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
                    if (dist < bestD[m - 1]) {
                        int p = m - 1;
                        while (p > 0 && bestD[p - 1] > dist) {
                            bestD[p] = bestD[p - 1];
                            best[p] = best[p - 1];
                            p--;
                        }
                        bestD[p] = dist;
                        best[p] = j;
                    }
                }
                for (int c = 0; c < m; c++) exact[c] = exactDistance(x, i, best[c], d);
                Arrays.sort(exact);
                System.arraycopy(exact, 0, out, i * k, k);
            }
        }
        return out;
    }

    private static double exactDistance(float[] x, int a, int b, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double diff = (double) x[a * d + j] - x[b * d + j];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }
}
