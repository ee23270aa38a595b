package netlens.train;

import netlens.linalg.Matrix;
import netlens.linalg.Workers;

/** One optimiser's state over a flat parameter vector, and its step. */
public interface Optimizer {
    /** A fresh optimiser for {@code size} parameters. */
    static Optimizer of(OptimizerSpec spec, int size) {
        if (spec instanceof OptimizerSpec.Sgd s) return new SgdOptimizer(s, size);
        if (spec instanceof OptimizerSpec.Adam a) return new AdamOptimizer(a, size);
        return new GradientFlow((OptimizerSpec.GradientFlow) spec, size);
    }

    /**
     * params ← params − update(grad), where outputs are the network's outputs at params and
     * lossGradient ∂L/∂outputs there (gradient flow judges its steps by them).
     */
    void step(Matrix params, Matrix grad, Workers workers, Matrix outputs, Matrix lossGradient);

    /** Multiplies the learning rate by this factor (of the spec's rate) from the next step on; gradient flow picks its own steps. */
    default void scaleLearningRate(double factor) {}

    /** Gradient-flow time Σ dt over accepted steps (NaN for other optimisers). */
    default double time() {
        return Double.NaN;
    }
}
