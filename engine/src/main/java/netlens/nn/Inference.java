package netlens.nn;

import netlens.data.Dataset;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;

/** Runs a whole dataset through a network in fixed chunks, handing each chunk's tape to a visitor. */
public final class Inference {
    /** Rows per chunk: large enough for efficient GEMM tiles, small enough to stay in cache-friendly memory. */
    public static final int CHUNK = 1024;

    @FunctionalInterface
    public interface Visitor {
        /** Rows [start, start + tape.rows()) of the dataset, with every layer on the tape. */
        void visit(int start, Tape tape);
    }

    private final Gemm gemm;

    public Inference(Gemm gemm) {
        this.gemm = gemm;
    }

    public void run(Mlp net, Dataset data, Visitor visitor) {
        int n = data.size(), d = data.dim();
        if (n == 0) return;
        int cap = Math.min(CHUNK, n);
        Tape tape = new Tape(net, cap);
        Matrix x = Matrix.zeros(cap, d);
        for (int start = 0; start < n; start += cap) {
            int rows = Math.min(cap, n - start);
            x.buffer().put(x.offset(), data.features(), start * d, rows * d);
            net.forward(gemm, x.rows(0, rows), tape);
            visitor.visit(start, tape);
        }
    }
}
