package netlens.train;

/** How parameters follow their gradient. Semantics match PyTorch's optimisers of the same name. */
public sealed interface OptimizerSpec {
    double lr();

    /** SGD with heavy-ball (or Nesterov) momentum and L2 weight decay added to the gradient. */
    record Sgd(double lr, double momentum, boolean nesterov, double weightDecay) implements OptimizerSpec {
        public Sgd {
            positive("lr", lr);
            if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            nonNegative("weightDecay", weightDecay);
            if (nesterov && momentum == 0) throw new IllegalArgumentException("nesterov needs momentum > 0");
        }
    }

    /** Adam (Kingma & Ba) with bias correction; decoupled = true gives AdamW's weight decay. */
    record Adam(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) implements OptimizerSpec {
        public Adam {
            positive("lr", lr);
            if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
            if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
            positive("eps", eps);
            nonNegative("weightDecay", weightDecay);
        }
    }

    /**
     * Gradient flow dθ/dt = −∇L approximated by full-batch gradient descent with an adaptive step,
     * after Geiger's gradientflow package (feature_lazy): a step is kept when the per-sample loss
     * derivatives δ = ∂L/∂outputs change little, ‖δ' − δ‖²/‖δ‖² < maxDgrad, and no output moves
     * by maxDout or more; dt then grows by {@code grow} (when both are under half their bound, up to
     * maxDt). Otherwise the step is undone and retried with dt × {@code shrink}. Geiger compares the
     * parameter gradients instead; δ is blind to the kinks of a narrow ReLU net (the outputs are
     * continuous where their Jacobian jumps), which otherwise pin dt far below the stability limit,
     * while a step beyond that limit still shows as outputs oscillating. lr() is the first dt.
     * <p>
     * A network with the α-trick at α ≥ {@code linearisedFrom} follows the flow of its linearisation
     * around θ₀ instead ({@link LinearisedFlow}: the lazy limit, exact up to O(1/α), integrated
     * implicitly because those dynamics are stiff, judged by maxDgrad alone); +∞, the default, never linearises.
     */
    record GradientFlow(double lr, double grow, double shrink, double maxDgrad, double maxDout, double maxDt, double linearisedFrom)
            implements OptimizerSpec {
        public GradientFlow(double lr, double grow, double shrink, double maxDgrad, double maxDout, double maxDt) {
            this(lr, grow, shrink, maxDgrad, maxDout, maxDt, Double.POSITIVE_INFINITY);
        }

        public GradientFlow {
            if (!(linearisedFrom > 0)) throw new IllegalArgumentException("linearisedFrom must be > 0, got " + linearisedFrom);
            positive("dt", lr);
            if (!(grow >= 1)) throw new IllegalArgumentException("grow must be >= 1, got " + grow);
            if (!(shrink > 0 && shrink < 1)) throw new IllegalArgumentException("shrink must be in (0, 1), got " + shrink);
            positive("maxDgrad", maxDgrad);
            if (!(maxDout > 0)) throw new IllegalArgumentException("maxDout must be > 0, got " + maxDout);
            positive("maxDt", maxDt);
        }
    }

    private static void positive(String key, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(key + " must be > 0, got " + v);
    }

    private static void nonNegative(String key, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(key + " must be >= 0, got " + v);
    }
}
