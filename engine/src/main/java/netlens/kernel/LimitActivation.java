package netlens.kernel;

/**
 * Nonlinearities of infinite-width networks, as functions of the pre-activation z. ReLU and erf
 * have closed-form Gaussian expectations (docs/definitions.md §4); the others are integrated
 * numerically ({@link InfiniteWidth#quadrature}).
 */
public enum LimitActivation {
    RELU("relu") {
        @Override public double apply(double z) { return Math.max(z, 0); }
        @Override public double derivative(double z) { return z > 0 ? 1 : 0; }
    },
    ERF("erf") {
        @Override public double apply(double z) { return Erf.erf(z); }
        @Override public double derivative(double z) { return 2 / Math.sqrt(Math.PI) * Math.exp(-z * z); }
    },
    TANH("tanh") {
        @Override public double apply(double z) { return Math.tanh(z); }
        @Override public double derivative(double z) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }
    },
    SOFTPLUS("softplus") {
        @Override public double apply(double z) { return z > 30 ? z : Math.log1p(Math.exp(z)); }
        @Override public double derivative(double z) { return 1 / (1 + Math.exp(-z)); }
    },
    GELU("gelu") {
        @Override public double apply(double z) { return 0.5 * z * (1 + Erf.erf(z / Math.sqrt(2))); }
        @Override public double derivative(double z) {
            return 0.5 * (1 + Erf.erf(z / Math.sqrt(2))) + z * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        }
    },
    LINEAR("linear") {
        @Override public double apply(double z) { return z; }
        @Override public double derivative(double z) { return 1; }
    };

    private final String key;

    LimitActivation(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public abstract double apply(double z);

    public abstract double derivative(double z);
}
