package netlens.train;

import java.nio.FloatBuffer;
import netlens.linalg.Chunks;
import netlens.linalg.Matrix;
import netlens.linalg.Workers;

/**
 * An elementwise update of parameters from their gradient, run over on-heap chunks (so the loops
 * vectorise) and split across workers; being elementwise, the split changes no number.
 */
final class ElementwiseUpdate {
    private static final int SPLIT = 1 << 16;

    /** Updates chunk p[0, n) of the parameters from gradient g[0, n); the chunk starts at parameter index at. */
    @FunctionalInterface
    interface Rule {
        void apply(float[] p, float[] g, int at, int n);
    }

    private ElementwiseUpdate() {}

    static void run(Matrix params, Matrix grad, Workers workers, Rule rule) {
        int size = params.cols;
        FloatBuffer p = params.buffer(), g = grad.buffer();
        int po = params.offset(), go = grad.offset();
        int parts = (size + SPLIT - 1) / SPLIT;
        workers.forEach(parts, part -> {
            float[] tp = Chunks.scratch(0), tg = Chunks.scratch(1);
            for (int start = part * SPLIT, end = Math.min(size, start + SPLIT); start < end; start += Chunks.SIZE) {
                int n = Math.min(Chunks.SIZE, end - start);
                p.get(po + start, tp, 0, n);
                g.get(go + start, tg, 0, n);
                rule.apply(tp, tg, start, n);
                p.put(po + start, tp, 0, n);
            }
        });
    }
}
