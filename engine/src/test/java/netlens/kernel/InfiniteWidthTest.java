package netlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The infinite-width NNGP and NTK against Monte Carlo over wide random networks, built and
 * differentiated here by hand: the NNGP as the last layer's covariance averaged over its neurons,
 * the NTK as the dot product of explicit per-sample parameter gradients. A wrong derivative kernel
 * (such as the published erf one, an outer product taken as a dot product) shows in the NTK.
 */
class InfiniteWidthTest {
    private static final int D = 3, WIDTH = 1000, NETWORKS = 6;
    // Inputs at several norms and angles, with an exact multiple and an exact opposite of another.
    private static final float[] X = {
            1.2f, -0.3f, 0.5f,
            0.4f, 0.9f, -1.1f,
            2.4f, -0.6f, 1.0f,
            -0.4f, -0.9f, 1.1f,
            0.1f, 0.2f, 0.05f};
    private static final int N = X.length / D;

    @ParameterizedTest
    @CsvSource({"RELU, 2, 1.4, 0.3", "ERF, 2, 1.6, 0.2", "TANH, 2, 1.2, 0.5", "ERF, 1, 2.5, 0.0"})
    void kernelsMatchWideRandomNetworks(LimitActivation act, int depth, double sigmaW, double sigmaB) {
        InfiniteWidth.Kernels exact = new InfiniteWidth(act, depth, sigmaW, sigmaB).of(X, N, D);
        double[] nngp = new double[N * N], ntk = new double[N * N];
        for (int r = 0; r < NETWORKS; r++) sample(act, depth, sigmaW, sigmaB, new Random(100 + r), nngp, ntk);
        double scaleS = 0, scaleT = 0;
        for (int i = 0; i < N; i++) {
            scaleS = Math.max(scaleS, exact.nngp().get(i, i));
            scaleT = Math.max(scaleT, exact.ntk().get(i, i));
        }
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                assertEquals(exact.nngp().get(i, j), nngp[i * N + j] / NETWORKS, 0.04 * scaleS, "NNGP (" + i + ", " + j + ")");
                assertEquals(exact.ntk().get(i, j), ntk[i * N + j] / NETWORKS, 0.05 * scaleT, "NTK (" + i + ", " + j + ")");
            }
    }

    /** One random network of the given depth and WIDTH: adds its output-layer covariance and its NTK. */
    private static void sample(LimitActivation act, int depth, double sw, double sb, Random rng, double[] nngp, double[] ntk) {
        int layers = depth + 1;
        int[] width = new int[layers + 1];
        width[0] = D;
        for (int l = 1; l <= depth; l++) width[l] = WIDTH;
        width[layers] = 1;
        double[][][] w = new double[layers + 1][][];
        double[][] b = new double[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            w[l] = new double[width[l]][width[l - 1]];
            b[l] = new double[width[l]];
            for (double[] row : w[l]) for (int k = 0; k < row.length; k++) row[k] = rng.nextGaussian();
            for (int k = 0; k < width[l]; k++) b[l][k] = rng.nextGaussian();
        }
        double[][] grads = new double[N][];
        double[][] last = new double[N][];
        for (int s = 0; s < N; s++) {
            double[][] pre = new double[layers + 1][], post = new double[layers + 1][];
            post[0] = new double[D];
            for (int k = 0; k < D; k++) post[0][k] = X[s * D + k];
            for (int l = 1; l <= layers; l++) {
                pre[l] = new double[width[l]];
                double scale = sw / Math.sqrt(width[l - 1]);
                for (int k = 0; k < width[l]; k++) {
                    double z = 0;
                    for (int m = 0; m < width[l - 1]; m++) z += w[l][k][m] * post[l - 1][m];
                    pre[l][k] = scale * z + sb * b[l][k];
                }
                post[l] = new double[width[l]];
                for (int k = 0; k < width[l]; k++) post[l][k] = l == layers ? pre[l][k] : act.apply(pre[l][k]);
            }
            last[s] = post[depth];
            // Back-propagate ∂f/∂pre, writing ∂f/∂W and ∂f/∂b of every layer into one vector.
            int size = 0;
            for (int l = 1; l <= layers; l++) size += width[l] * (width[l - 1] + 1);
            double[] g = new double[size];
            double[] delta = {1};
            int at = size;
            for (int l = layers; l >= 1; l--) {
                double scale = sw / Math.sqrt(width[l - 1]);
                at -= width[l] * (width[l - 1] + 1);
                int o = at;
                for (int k = 0; k < width[l]; k++) {
                    for (int m = 0; m < width[l - 1]; m++) g[o++] = delta[k] * scale * post[l - 1][m];
                    g[o++] = delta[k] * sb;
                }
                if (l == 1) break;
                double[] below = new double[width[l - 1]];
                for (int m = 0; m < width[l - 1]; m++) {
                    double sum = 0;
                    for (int k = 0; k < width[l]; k++) sum += delta[k] * w[l][k][m];
                    below[m] = scale * sum * act.derivative(pre[l - 1][m]);
                }
                delta = below;
            }
            grads[s] = g;
        }
        int n = width[depth];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                double cov = 0, dot = 0;
                for (int k = 0; k < n; k++) cov += last[i][k] * last[j][k];
                for (int k = 0; k < grads[i].length; k++) dot += grads[i][k] * grads[j][k];
                nngp[i * N + j] += sb * sb + sw * sw * cov / n;
                ntk[i * N + j] += dot;
            }
    }
}
