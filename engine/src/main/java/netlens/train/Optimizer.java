package netlens.train;

import java.nio.FloatBuffer;
import netlens.linalg.Matrix;
import netlens.linalg.Workers;

/**
 * One optimiser's state over a flat parameter vector. The update is elementwise, so it is split
 * across workers in fixed chunks without changing any number.
 */
public final class Optimizer {
    private static final int CHUNK = 1 << 15;

    private final OptimizerSpec spec;
    private final Matrix first;    // momentum buffer / Adam's m
    private final Matrix second;   // Adam's v
    private long steps;

    public Optimizer(OptimizerSpec spec, int size) {
        this.spec = spec;
        boolean momentum = spec instanceof OptimizerSpec.Sgd s ? s.momentum() > 0 : true;
        first = momentum ? Matrix.zeros(1, size) : null;
        second = spec instanceof OptimizerSpec.Adam ? Matrix.zeros(1, size) : null;
    }

    public OptimizerSpec spec() {
        return spec;
    }

    /** params ← params − update(grad). */
    public void step(Matrix params, Matrix grad, Workers workers) {
        steps++;
        int size = params.cols;
        int chunks = (size + CHUNK - 1) / CHUNK;
        workers.forEach(chunks, c -> {
            int from = c * CHUNK, to = Math.min(size, from + CHUNK);
            if (spec instanceof OptimizerSpec.Sgd s) sgd(s, params.buffer(), grad.buffer(), from, to);
            else adam((OptimizerSpec.Adam) spec, params.buffer(), grad.buffer(), from, to);
        });
    }

    // PyTorch SGD: g += λp; v = μv + g; p −= lr·(nesterov ? g + μv : v).
    private void sgd(OptimizerSpec.Sgd s, FloatBuffer p, FloatBuffer g, int from, int to) {
        float lr = (float) s.lr(), mu = (float) s.momentum(), wd = (float) s.weightDecay();
        FloatBuffer v = first == null ? null : first.buffer();
        for (int i = from; i < to; i++) {
            float pi = p.get(i);
            float gi = g.get(i) + wd * pi;
            if (v != null) {
                float vi = mu * v.get(i) + gi;
                v.put(i, vi);
                gi = s.nesterov() ? gi + mu * vi : vi;
            }
            p.put(i, pi - lr * gi);
        }
    }

    // PyTorch Adam/AdamW: m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²; p −= lr·m̂/(√v̂ + ε).
    private void adam(OptimizerSpec.Adam a, FloatBuffer p, FloatBuffer g, int from, int to) {
        float b1 = (float) a.beta1(), b2 = (float) a.beta2(), eps = (float) a.eps(), wd = (float) a.weightDecay();
        double c1 = 1 - Math.pow(a.beta1(), steps), c2 = 1 - Math.pow(a.beta2(), steps);
        float stepSize = (float) (a.lr() / c1);
        float rootC2 = (float) Math.sqrt(c2);
        float decay = a.decoupled() ? (float) (1 - a.lr() * a.weightDecay()) : 1f;
        FloatBuffer m = first.buffer(), v = second.buffer();
        for (int i = from; i < to; i++) {
            float pi = p.get(i) * decay;
            float gi = a.decoupled() ? g.get(i) : g.get(i) + wd * p.get(i);
            float mi = b1 * m.get(i) + (1 - b1) * gi;
            float vi = b2 * v.get(i) + (1 - b2) * gi * gi;
            m.put(i, mi);
            v.put(i, vi);
            p.put(i, pi - stepSize * mi / ((float) Math.sqrt(vi) / rootC2 + eps));
        }
    }
}
