package netlens.train;

import java.nio.FloatBuffer;
import netlens.linalg.Matrix;
import netlens.linalg.Workers;

/**
 * Gradient flow dθ/dt = −∇L by full-batch Euler steps of adaptive length (see
 * {@link OptimizerSpec.GradientFlow} for the rule). Each call judges the trial point it is given
 * (its parameters, gradient, outputs and ∂L/∂outputs) against the last accepted one: it keeps the
 * trial and steps on from it, or goes back to the accepted point and retries with a shorter dt.
 */
final class GradientFlow implements Optimizer {
    private final OptimizerSpec.GradientFlow spec;
    private final float[] acceptedParams;
    private final float[] acceptedGrad;
    private float[] acceptedOut, acceptedDelta;       // outputs and ∂L/∂outputs at the last accepted point
    private long steps;
    private double dt, moveDt, time;
    private double rejectedDgrad = Double.NaN, rejectedDt = Double.NaN;   // the last undone trial's gradient change and step

    GradientFlow(OptimizerSpec.GradientFlow spec, int size) {
        this.spec = spec;
        this.acceptedParams = new float[size];
        this.acceptedGrad = new float[size];
        this.dt = spec.lr();
    }

    @Override
    public double time() {
        return time;
    }

    @Override
    public void step(Matrix params, Matrix grad, Workers workers, Matrix outputs, Matrix lossGradient) {
        OptimizerSpec.GradientFlow g = spec;
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
            p.get(po, acceptedParams, 0, size);
            grad.buffer().get(grad.offset(), acceptedGrad, 0, size);
            int n = outputs.rows * outputs.cols;
            if (acceptedOut == null) acceptedOut = new float[n];
            outputs.buffer().get(outputs.offset(), acceptedOut, 0, n);
            if (acceptedDelta == null) acceptedDelta = new float[n];
            lossGradient.buffer().get(lossGradient.offset(), acceptedDelta, 0, n);
        }
        steps++;
        moveDt = dt;
        float step = (float) dt;
        for (int i = 0; i < size; i++) p.put(po + i, acceptedParams[i] - step * acceptedGrad[i]);
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
}
