package netlens.train;

import java.nio.FloatBuffer;
import netlens.linalg.Chunks;
import netlens.linalg.Matrix;
import netlens.linalg.Workers;

/**
 * One optimiser's state over a flat parameter vector. The state lives on the heap (only this class
 * reads it); parameters and gradients are copied through {@link Chunks} so the update loops
 * vectorise. The update is elementwise, so splitting it across workers changes no number.
 */
public final class Optimizer {
    private static final int SPLIT = 1 << 16;

    private final OptimizerSpec spec;
    private final float[] first;    // momentum buffer / Adam's m / gradient flow's last accepted parameters
    private final float[] second;   // Adam's v / gradient flow's last accepted gradient
    private long steps;
    private double dt = Double.NaN, moveDt, time;
    private float[] acceptedOut, acceptedDelta;       // gradient flow: outputs and ∂L/∂outputs at the last accepted point
    private double rejectedDgrad = Double.NaN, rejectedDt = Double.NaN;   // the last undone trial's gradient change and step

    public Optimizer(OptimizerSpec spec, int size) {
        this.spec = spec;
        boolean momentum = !(spec instanceof OptimizerSpec.Sgd s) || s.momentum() > 0;
        first = momentum ? new float[size] : null;
        second = spec instanceof OptimizerSpec.Sgd ? null : new float[size];
        if (spec instanceof OptimizerSpec.GradientFlow g) dt = g.lr();
    }

    public OptimizerSpec spec() {
        return spec;
    }

    /** Gradient-flow time Σ dt over accepted steps (NaN for other optimisers). */
    public double time() {
        return spec instanceof OptimizerSpec.GradientFlow ? time : Double.NaN;
    }

    /**
     * params ← params − update(grad), where outputs are the network's outputs at params and
     * lossGradient ∂L/∂outputs there (gradient flow judges its steps by them).
     */
    public void step(Matrix params, Matrix grad, Workers workers, Matrix outputs, Matrix lossGradient) {
        if (spec instanceof OptimizerSpec.GradientFlow g) {
            flow(g, params, grad, outputs, lossGradient);
            return;
        }
        step(params, grad, workers);
    }

    /**
     * Judge the trial point we are at (params, its gradient, outputs and ∂L/∂outputs) against the
     * last accepted one: keep it and step on from it, or go back there and retry with a shorter dt.
     */
    private void flow(OptimizerSpec.GradientFlow g, Matrix params, Matrix grad, Matrix outputs, Matrix lossGradient) {
        FloatBuffer p = params.buffer();
        int size = params.cols, po = params.offset();
        boolean accept = true;
        if (steps > 0) {
            double dgrad = lossGradientChange(lossGradient), dout = outputChange(outputs);
            boolean smooth = dgrad < g.maxDgrad() && dout < g.maxDout();
            // A smooth ∂L/∂outputs changes by O(dt²) over a step, so a trial shorter than the last
            // undone one sees a change shrunk quadratically. One that meets a change at least half
            // as large is at a kink of the loss (a hinge margin reaching 1), whose jump is the same
            // however short the step: shrinking dt further would only creep towards it.
            boolean kink = !smooth && dout < g.maxDout() && moveDt < rejectedDt && dgrad >= 0.5 * rejectedDgrad;
            accept = smooth || kink;
            if (accept) {
                time += moveDt;
                // A kink says nothing about the smooth part, which the step that was undone bounds.
                if ((kink || dgrad < 0.5 * g.maxDgrad()) && dout < 0.5 * g.maxDout()) dt = Math.min(dt * g.grow(), g.maxDt());
                if (moveDt >= rejectedDt) rejectedDgrad = rejectedDt = Double.NaN;
            } else {
                rejectedDgrad = dgrad;
                rejectedDt = moveDt;
                dt *= g.shrink();
            }
        }
        if (accept) {
            p.get(po, first, 0, size);
            grad.buffer().get(grad.offset(), second, 0, size);
            int n = outputs.rows * outputs.cols;
            if (acceptedOut == null) acceptedOut = new float[n];
            outputs.buffer().get(outputs.offset(), acceptedOut, 0, n);
            if (acceptedDelta == null) acceptedDelta = new float[n];
            lossGradient.buffer().get(lossGradient.offset(), acceptedDelta, 0, n);
        }
        steps++;
        moveDt = dt;
        float step = (float) dt;
        for (int i = 0; i < size; i++) p.put(po + i, first[i] - step * second[i]);
    }

    /**
     * ‖δ' − δ‖² / ‖δ‖² between the accepted point's ∂L/∂outputs δ and the trial's δ' (0 when δ
     * vanishes). Geiger divides by ‖δ‖‖δ'‖, which breaks the O(dt²) scaling the kink test relies on
     * when a step overshoots (δ' ≈ 0).
     */
    private double lossGradientChange(Matrix lossGradient) {
        FloatBuffer b = lossGradient.buffer();
        double diff = 0, old = 0;
        for (int i = 0, o = lossGradient.offset(); i < acceptedDelta.length; i++) {
            double gi = b.get(o + i), ai = acceptedDelta[i];
            diff += (gi - ai) * (gi - ai);
            old += ai * ai;
        }
        return old == 0 ? 0 : diff / old;
    }

    /** The largest change of any output since the accepted point. */
    private double outputChange(Matrix outputs) {
        FloatBuffer b = outputs.buffer();
        double max = 0;
        for (int i = 0, n = outputs.rows * outputs.cols, o = outputs.offset(); i < n; i++)
            max = Math.max(max, Math.abs(b.get(o + i) - acceptedOut[i]));
        return max;
    }

    /** params ← params − update(grad). */
    public void step(Matrix params, Matrix grad, Workers workers) {
        if (spec instanceof OptimizerSpec.GradientFlow) throw new IllegalStateException("gradient flow judges steps by the outputs: use step(…, outputs, lossGradient)");
        steps++;
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
                if (spec instanceof OptimizerSpec.Sgd s) sgd(s, tp, tg, start, n);
                else adam((OptimizerSpec.Adam) spec, tp, tg, start, n);
                p.put(po + start, tp, 0, n);
            }
        });
    }

    // PyTorch SGD: g += λp; v = μv + g; p −= lr·(nesterov ? g + μv : v).
    private void sgd(OptimizerSpec.Sgd s, float[] p, float[] g, int at, int n) {
        float lr = (float) s.lr(), mu = (float) s.momentum(), wd = (float) s.weightDecay();
        if (wd != 0) for (int i = 0; i < n; i++) g[i] += wd * p[i];
        if (first == null) {
            for (int i = 0; i < n; i++) p[i] -= lr * g[i];
            return;
        }
        float[] v = first;
        if (s.nesterov()) {
            for (int i = 0; i < n; i++) {
                float vi = mu * v[at + i] + g[i];
                v[at + i] = vi;
                p[i] -= lr * (g[i] + mu * vi);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float vi = mu * v[at + i] + g[i];
                v[at + i] = vi;
                p[i] -= lr * vi;
            }
        }
    }

    // PyTorch Adam / AdamW: m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²; p −= lr·m̂/(√v̂ + ε).
    private void adam(OptimizerSpec.Adam a, float[] p, float[] g, int at, int n) {
        float b1 = (float) a.beta1(), b2 = (float) a.beta2(), eps = (float) a.eps(), wd = (float) a.weightDecay();
        float stepSize = (float) (a.lr() / (1 - Math.pow(a.beta1(), steps)));
        float rootC2 = (float) Math.sqrt(1 - Math.pow(a.beta2(), steps));
        if (a.decoupled()) {
            float decay = (float) (1 - a.lr() * a.weightDecay());
            for (int i = 0; i < n; i++) p[i] *= decay;
        } else if (wd != 0) {
            for (int i = 0; i < n; i++) g[i] += wd * p[i];
        }
        float[] m = first, v = second;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = b1 * m[at + i] + (1 - b1) * gi;
            float vi = b2 * v[at + i] + (1 - b2) * gi * gi;
            m[at + i] = mi;
            v[at + i] = vi;
            p[i] -= stepSize * mi / ((float) Math.sqrt(vi) / rootC2 + eps);
        }
    }
}
