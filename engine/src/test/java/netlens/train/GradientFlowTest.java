package netlens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netlens.linalg.Matrix;
import netlens.linalg.Workers;
import org.junit.jupiter.api.Test;

/**
 * The adaptive gradient-flow integrator against closed-form flows. The "network" is the identity,
 * outputs = parameters, so ∂L/∂outputs is the parameter gradient and the exact flow is known.
 */
class GradientFlowTest {
    private static final Workers ONE = new Workers(1);

    /** A loss on outputs = parameters: fills the gradient at x and returns nothing else. */
    private interface Gradient {
        void at(float[] x, float[] grad);
    }

    /** Steps the flow until time reaches {@code until} or {@code budget} steps pass; returns the steps taken. */
    private static int flow(Optimizer opt, Matrix x, Gradient loss, double until, int budget) {
        Matrix g = Matrix.zeros(1, x.cols);
        float[] xs = new float[x.cols], gs = new float[x.cols];
        int steps = 0;
        while (opt.time() < until && steps < budget) {
            x.rowTo(0, xs, 0);
            loss.at(xs, gs);
            g.copyRowFrom(0, gs, 0);
            opt.step(x, g, ONE, x, g);
            steps++;
        }
        return steps;
    }

    /**
     * L = ½ Σ aᵢ xᵢ² flows as xᵢ(t) = xᵢ(0) e^(−aᵢ t). With a stiff coordinate (a = 200) beside a slow
     * one (a = 1) the step must stay below the stiff stability limit 2/200 for as long as the stiff
     * coordinate matters, yet the slow one must still be tracked to t = 8, from a first dt far too small.
     */
    @Test
    void tracksExponentialDecayThroughStiffness() {
        double[] a = {1, 200};
        OptimizerSpec.GradientFlow spec = new OptimizerSpec.GradientFlow(1e-6, 1.1, 0.1, 1e-3, Double.POSITIVE_INFINITY, 1e6);
        Optimizer opt = Optimizer.of(spec, 2);
        Matrix x = Matrix.of(1, 2, new float[] {2f, 1f});
        int steps = flow(opt, x, (xs, g) -> {
            for (int i = 0; i < 2; i++) g[i] = (float) (a[i] * xs[i]);
        }, 8, 100_000);
        double t = opt.time();
        assertTrue(t >= 8, "time reached " + t + " in " + steps + " steps");
        assertTrue(steps < 3000, "dt should grow once the stiff coordinate has decayed: " + steps + " steps");
        // Euler's exponent is Σ log(1 − a dtₖ) = −a t (1 + O(a dt)); the step rule keeps a dt ≲ 0.03.
        assertEquals(-a[0] * t, Math.log(x.get(0, 0) / 2.0), 0.03 * a[0] * t);
        assertTrue(Math.abs(x.get(0, 1)) < 1e-6, "stiff coordinate decayed, got " + x.get(0, 1));
    }

    /**
     * Two margins on one output x: L = max(0, 1 − x) + ½ max(0, 3 − x). The flow is piecewise linear,
     * x' = 3/2 until x = 1 (t = 2/3), then x' = 1/2 until x = 3 (t = 14/3). At x = 1 the loss gradient
     * jumps by the same amount however short the step, so a step rule that only shrinks dt would
     * creep towards the kink without ever crossing it.
     */
    @Test
    void crossesAKinkOfTheLoss() {
        OptimizerSpec.GradientFlow spec = new OptimizerSpec.GradientFlow(1e-3, 1.1, 0.1, 1e-3, 0.1, 1e6);
        Optimizer opt = Optimizer.of(spec, 1);
        Matrix x = Matrix.of(1, 1, new float[] {0f});
        // Both samples' outputs are x; the gradient for x sums their loss derivatives.
        Gradient margins = (xs, g) -> g[0] = -((xs[0] < 1 ? 1f : 0f) + (xs[0] < 3 ? 0.5f : 0f));
        int steps = flow(opt, x, margins, 3.0, 5000);
        double t = opt.time();
        assertTrue(t >= 3.0, "stalled at x = " + x.get(0, 0) + ", t = " + t + " after " + steps + " steps");
        // The step across the kink moves x by less than maxDout = 0.1 at the old speed 3/2 instead of
        // 1/2 after it: x lags or leads the exact flow by at most (3/2 − 1/2)·0.1/(3/2).
        assertEquals(1 + 0.5 * (t - 2.0 / 3), x.get(0, 0), 0.067);
    }

    /** A first dt 50 times the stability limit is refused, never flipping the sign of x, and the flow still tracks e^(−50 t). */
    @Test
    void refusesAnUnstableFirstStep() {
        OptimizerSpec.GradientFlow spec = new OptimizerSpec.GradientFlow(1.0, 1.1, 0.1, 1e-3, Double.POSITIVE_INFINITY, 1e6);
        Optimizer opt = Optimizer.of(spec, 1);
        Matrix x = Matrix.of(1, 1, new float[] {1f});
        flow(opt, x, (xs, g) -> g[0] = 50 * xs[0], 0.1, 10_000);
        double t = opt.time();
        assertTrue(x.get(0, 0) > 0, "the flow never changes the sign of x, got " + x.get(0, 0));
        assertEquals(-50 * t, Math.log(x.get(0, 0)), 0.03 * 50 * t);
    }
}
