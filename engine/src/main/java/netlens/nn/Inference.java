package netlens.nn;

import netlens.data.Dataset;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;

/**
 * Runs a whole dataset through a network in fixed chunks, handing each chunk's tape to a visitor.
 * The working memory is kept between runs on networks of the same shape: direct buffers are
 * costly to allocate, and freeing them takes garbage collections.
 */
public final class Inference {
    /** Rows per chunk: large enough for efficient GEMM tiles, small enough to stay in cache-friendly memory. */
    public static final int CHUNK = 1024;

    @FunctionalInterface
    public interface Visitor {
        /** Rows [start, start + tape.rows()) of the dataset, with every layer on the tape. */
        void visit(int start, Tape tape);
    }

    private final Gemm gemm;
    private MlpSpec shape;
    private Tape tape;
    private Matrix x;

    public Inference(Gemm gemm) {
        this.gemm = gemm;
    }

    public void run(Mlp net, Dataset data, Visitor visitor) {
        int n = data.size(), d = data.dim();
        if (n == 0) return;
        int cap = Math.min(CHUNK, n);
        if (tape == null || !net.spec().equals(shape) || tape.capacity() < cap) {
            shape = net.spec();
            tape = new Tape(net, cap);
            x = Matrix.zeros(cap, d);
        }
        for (int start = 0; start < n; start += cap) {
            int rows = Math.min(cap, n - start);
            x.buffer().put(x.offset(), data.features(), start * d, rows * d);
            net.forward(gemm, x.rows(0, rows), tape);
            visitor.visit(start, tape);
        }
    }
}
