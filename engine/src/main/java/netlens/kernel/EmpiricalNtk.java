package netlens.kernel;

import java.nio.FloatBuffer;
import java.util.Locale;
import java.util.function.Consumer;
import netlens.data.Dataset;
import netlens.linalg.Blas;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;
import netlens.nn.Inference;
import netlens.nn.Mlp;

/**
 * The empirical neural tangent kernel Θ(x, x') = Σ_θ ∂f(x)/∂θ · ∂f(x')/∂θ of a network's output
 * (summed over outputs — the trace — when there are several), by the layerwise factorisation
 * (docs/definitions.md §3): a layer z_l = s_l W_l a_{l−1} + b_l contributes
 * (G_l G_lᵀ) ∘ (s_l² A_{l−1}A_{l−1}ᵀ + 1), with G_l = [δ_l^1 … δ_l^K], δ_l^k = ∂f_k/∂z_l, and A_{l−1}
 * the layer's inputs. No per-sample Jacobian is formed. Θ is built tile by tile: each T × T tile
 * takes both products of every layer into two T × T scratch tiles and adds their Hadamard product
 * into Θ, so memory is Θ, the factors (p · (K·Σw_l + Σw_{l−1}) floats) and two tiles per worker.
 * The products are single precision (the factors are the float32 network's own activations and
 * derivatives), the sum over layers double; for Θ(X, X) only the tiles on and above the diagonal are
 * computed, diagonal ones by symmetric rank-k updates, so half the flops of the full product.
 */
public final class EmpiricalNtk {
    /** Rows and columns of Θ per tile: large enough for BLAS to run at full speed on the products. */
    private static final int TILE = 256;

    private EmpiricalNtk() {}

    /**
     * Bytes Θ between n and m samples of a network with these layer widths needs: Θ, the factors,
     * one batch's back-propagation scratch and two tiles per thread, O(p² + p·K·Σw_l).
     */
    public static long memory(int[] widths, int n, int m, int threads) {
        int layers = widths.length - 1, k = widths[layers], widest = 0;
        long derivatives = 0, inputs = 0;
        for (int l = 1; l <= layers; l++) {
            derivatives += (long) k * widths[l];
            inputs += widths[l - 1];
            widest = Math.max(widest, widths[l]);
        }
        long scratch = 4L * Math.min(Inference.CHUNK, Math.max(n, m)) * k * widest;
        return Gram.bytes(n, m) + 4L * (n + m) * (derivatives + inputs) + scratch + 2L * 4 * TILE * TILE * threads;
    }

    public static Gram of(Mlp net, Dataset a, Gemm gemm, Consumer<String> status) {
        return between(net, a, a, gemm, status);
    }

    /** Θ between the samples of a (rows) and of b (columns). */
    public static Gram between(Mlp net, Dataset a, Dataset b, Gemm gemm, Consumer<String> status) {
        int n = a.size(), m = b.size();
        status.accept(String.format(Locale.ROOT, "empirical NTK %d × %d: about %.0f MB",
                n, m, memory(net.spec().widths(), n, m, gemm.workers().threads()) / 1e6));
        boolean symmetric = a == b;
        Factors fa = factors(net, a, gemm);
        Factors fb = symmetric ? fa : factors(net, b, gemm);
        double[] theta = new double[n * m];
        int rowTiles = (n + TILE - 1) / TILE, colTiles = (m + TILE - 1) / TILE;
        // Tile t is (I, J) in row-major order over the whole grid, or over its upper triangle (I ≤ J).
        int[][] tiles = symmetric ? upperTriangle(rowTiles) : grid(rowTiles, colTiles);
        gemm.workers().forEach(tiles.length, t -> tile(net, gemm.blas(), fa, fb, tiles[t][0] * TILE, tiles[t][1] * TILE,
                symmetric && tiles[t][0] == tiles[t][1], theta, n, m));
        if (symmetric) mirror(theta, n);
        return new Gram(n, m, theta);
    }

    /**
     * Copies the upper triangle onto the lower one block by block, so that both the rows written and
     * the columns read stay in cache (a plain loop reads a column a stride of n apart: 5 s of cache
     * misses at n = 16,384, longer than the kernel's products).
     */
    private static void mirror(double[] theta, int n) {
        int block = 64;
        for (int i0 = 0; i0 < n; i0 += block)
            for (int j0 = 0; j0 <= i0; j0 += block)
                for (int i = i0; i < Math.min(i0 + block, n); i++)
                    for (int j = j0; j < Math.min(Math.min(j0 + block, n), i); j++) theta[i * n + j] = theta[j * n + i];
    }

    /** Θ[i0 : i0+T, j0 : j0+T] += Σ_l (G_l G_lᵀ) ∘ (s_l² A_{l−1} A_{l−1}ᵀ + bias); on the diagonal, only j ≥ i. */
    private static void tile(Mlp net, Blas blas, Factors fa, Factors fb, int i0, int j0, boolean diagonal, double[] theta, int n, int m) {
        int rows = Math.min(TILE, n - i0), cols = Math.min(TILE, m - j0);
        FloatBuffer gg = floats((long) rows * cols), aa = floats((long) rows * cols);
        float[] g2 = new float[cols], a2 = new float[cols];
        double bias = net.spec().bias() ? 1 : 0;
        for (int l = 1; l <= net.layers(); l++) {
            Block g = fa.derivatives[l], a = fa.inputs[l];
            float s2 = (float) ((double) net.scale(l) * net.scale(l));
            if (diagonal) {
                blas.ssyrk(false, rows, g.cols, 1f, g.buffer, i0 * g.cols, g.cols, 0f, gg, 0, cols);
                blas.ssyrk(false, rows, a.cols, s2, a.buffer, i0 * a.cols, a.cols, 0f, aa, 0, cols);
            } else {
                Block h = fb.derivatives[l], b = fb.inputs[l];
                blas.sgemm(false, true, rows, cols, g.cols, 1f, g.buffer, i0 * g.cols, g.cols, h.buffer, j0 * h.cols, h.cols, 0f, gg, 0, cols);
                blas.sgemm(false, true, rows, cols, a.cols, s2, a.buffer, i0 * a.cols, a.cols, b.buffer, j0 * b.cols, b.cols, 0f, aa, 0, cols);
            }
            for (int i = 0; i < rows; i++) {
                int out = (i0 + i) * m + j0, from = diagonal ? i : 0;
                gg.get(i * cols + from, g2, from, cols - from);
                aa.get(i * cols + from, a2, from, cols - from);
                for (int j = from; j < cols; j++) theta[out + j] += (double) g2[j] * (a2[j] + bias);
            }
        }
    }

    private static int[][] upperTriangle(int tiles) {
        int[][] out = new int[tiles * (tiles + 1) / 2][];
        int t = 0;
        for (int i = 0; i < tiles; i++)
            for (int j = i; j < tiles; j++) out[t++] = new int[] {i, j};
        return out;
    }

    private static int[][] grid(int rows, int cols) {
        int[][] out = new int[rows * cols][];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) out[i * cols + j] = new int[] {i, j};
        return out;
    }

    /** Per layer l: the derivatives G_l = [δ_l^1 … δ_l^K] (n × K·w_l) and the inputs A_{l−1} (n × w_{l−1}). */
    private record Factors(Block[] derivatives, Block[] inputs) {}

    private record Block(FloatBuffer buffer, int cols) {}

    private static Factors factors(Mlp net, Dataset data, Gemm gemm) {
        int layers = net.layers(), n = data.size(), k = net.width(layers), widest = 0;
        Matrix[] derivatives = new Matrix[layers + 1];
        Block[] g = new Block[layers + 1], inputs = new Block[layers + 1];
        for (int l = 1; l <= layers; l++) {
            // G_l as (n·K) × w_l: row i·K + k is δ_l^k(x_i), so row i of the n × K·w_l view is [δ_l^1 … δ_l^K](x_i).
            derivatives[l] = matrix((long) n * k, net.width(l));
            g[l] = new Block(derivatives[l].buffer(), k * net.width(l));
            inputs[l] = new Block(floats((long) n * net.width(l - 1)), net.width(l - 1));
            widest = Math.max(widest, net.width(l));
        }
        Matrix scratch = matrix((long) Math.min(Inference.CHUNK, n) * k, widest);
        Matrix[] chunk = new Matrix[layers + 1];
        new Inference(gemm).run(net, data, (start, tape) -> {
            int rows = tape.rows();
            for (int l = 1; l <= layers; l++) {
                copy(tape.post(l - 1), inputs[l], start);
                chunk[l] = Matrix.view(derivatives[l], start * k * net.width(l), rows * k, net.width(l));
            }
            net.outputDerivatives(gemm, tape, chunk, scratch);
        });
        return new Factors(g, inputs);
    }

    /** The rows of m (as wide as the block) into the block from row start. */
    private static void copy(Matrix m, Block into, int start) {
        into.buffer.put(start * into.cols, m.buffer(), m.offset(), m.rows * m.cols);
    }

    private static FloatBuffer floats(long n) {
        return matrix(n, 1).buffer();
    }

    private static Matrix matrix(long rows, int cols) {
        if (4 * rows * cols > Integer.MAX_VALUE) throw new IllegalArgumentException("kernel factor of " + rows * cols + " floats is too large; use fewer samples");
        return Matrix.zeros((int) rows, cols);
    }
}
