package netlens.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Locale;
import java.util.function.Consumer;
import netlens.data.Dataset;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;
import netlens.nn.Inference;
import netlens.nn.Mlp;
import netlens.nn.Tape;

/**
 * The empirical neural tangent kernel Θ(x, x') = Σ_θ ∂f(x)/∂θ · ∂f(x')/∂θ of a network's output
 * (summed over outputs — the trace — when there are several), by the layerwise factorisation
 * (docs/definitions.md §3): a layer z_l = s_l W_l a_{l−1} + b_l contributes
 * (Σ_k δ_l^k δ_l^kᵀ) ∘ (s_l² A_{l−1}A_{l−1}ᵀ + 1), with δ_l^k = ∂f_k/∂z_l and A_{l−1} the layer's
 * inputs. No per-sample Jacobian is formed: memory is the n×m result plus n·width activations and
 * derivatives, and the products run in row blocks of the result, split across workers.
 */
public final class EmpiricalNtk {
    /** Rows of Θ computed per block. */
    private static final int BLOCK = 256;

    private EmpiricalNtk() {}

    /** Bytes Θ between n and m samples needs, for the estimate printed before a large computation. */
    public static long memory(Mlp net, int n, int m) {
        long widths = 0, inputs = 0;
        for (int l = 1; l <= net.layers(); l++) {
            widths += net.width(l);
            inputs += net.width(l - 1);
        }
        int k = net.width(net.layers());
        return Gram.bytes(n, m) + 4L * (n + m) * (k * widths + inputs) + 16L * BLOCK * Math.max(n, m);
    }

    public static Gram of(Mlp net, Dataset a, Gemm gemm, Consumer<String> status) {
        return between(net, a, a, gemm, status);
    }

    /** Θ between the samples of a (rows) and of b (columns). */
    public static Gram between(Mlp net, Dataset a, Dataset b, Gemm gemm, Consumer<String> status) {
        status.accept(String.format(Locale.ROOT, "empirical NTK %d × %d: about %.0f MB", a.size(), b.size(), memory(net, a.size(), b.size()) / 1e6));
        Factors fa = factors(net, a, gemm);
        Factors fb = a == b ? fa : factors(net, b, gemm);
        int n = a.size(), m = b.size();
        double[] theta = new double[n * m];
        int blocks = (n + BLOCK - 1) / BLOCK;
        gemm.workers().forEach(blocks, blk -> {
            int i0 = blk * BLOCK, rows = Math.min(BLOCK, n - i0);
            DoubleBuffer gd = direct(rows * m), ga = direct(rows * m);
            for (int l = 1; l <= net.layers(); l++) {
                int kw = fa.deltas[l].cols, in = fa.inputs[l].cols;
                double s2 = (double) net.scale(l) * net.scale(l);
                double bias = net.spec().bias() ? 1 : 0;
                gemm.blas().dgemm(false, true, rows, m, kw, 1, fa.deltas[l].buffer, i0 * kw, kw, fb.deltas[l].buffer, 0, kw, 0, gd, 0, m);
                gemm.blas().dgemm(false, true, rows, m, in, s2, fa.inputs[l].buffer, i0 * in, in, fb.inputs[l].buffer, 0, in, 0, ga, 0, m);
                for (int i = 0; i < rows * m; i++) theta[i0 * m + i] += gd.get(i) * (ga.get(i) + bias);
            }
        });
        return new Gram(n, m, theta);
    }

    /** Per layer l: the derivatives [δ_l^1 … δ_l^K] (n × K·w_l) and the inputs A_{l−1} (n × w_{l−1}), in double. */
    private record Factors(Block[] deltas, Block[] inputs) {}

    private record Block(DoubleBuffer buffer, int cols) {}

    private static Factors factors(Mlp net, Dataset data, Gemm gemm) {
        int layers = net.layers(), n = data.size(), k = net.width(layers);
        Block[] deltas = new Block[layers + 1], inputs = new Block[layers + 1];
        for (int l = 1; l <= layers; l++) {
            deltas[l] = new Block(direct(n * k * net.width(l)), k * net.width(l));
            inputs[l] = new Block(direct(n * net.width(l - 1)), net.width(l - 1));
        }
        Inference inference = new Inference(gemm);
        inference.run(net, data, (start, tape) -> {
            int rows = tape.rows();
            for (int l = 1; l <= layers; l++) copy(tape.post(l - 1), inputs[l], start, 0);
            for (int out = 0; out < k; out++) {
                Matrix top = tape.delta(layers);                 // δ_L = e_out: the derivative of output `out`
                top.fill(0f);
                for (int r = 0; r < rows; r++) top.set(r, out, 1f);
                net.deltas(gemm, tape);
                for (int l = 1; l <= layers; l++) copy(tape.delta(l), deltas[l], start, out * net.width(l));
            }
        });
        return new Factors(deltas, inputs);
    }

    /** Rows of m into columns [col, col + m.cols) of the block, starting at row start. */
    private static void copy(Matrix m, Block into, int start, int col) {
        for (int r = 0; r < m.rows; r++)
            for (int c = 0; c < m.cols; c++) into.buffer.put((start + r) * into.cols + col + c, m.get(r, c));
    }

    private static DoubleBuffer direct(long n) {
        if (8 * n > Integer.MAX_VALUE) throw new IllegalArgumentException("kernel block of " + n + " doubles is too large; use fewer samples");
        return ByteBuffer.allocateDirect((int) (8 * n)).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }
}
