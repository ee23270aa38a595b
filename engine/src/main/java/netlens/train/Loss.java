package netlens.train;

import java.nio.FloatBuffer;
import netlens.linalg.Matrix;

/**
 * Training losses on the network's outputs. Multi-class losses see K outputs and labels 0..K−1;
 * margin losses (hinge family) see one output f and binary labels, y = +1 for class 1 and −1 for
 * class 0, and penalise the margin z = y·f.
 */
public sealed interface Loss {
    Loss CROSS_ENTROPY = new CrossEntropy();
    Loss MSE = new Mse();

    /** The name scripts and reports use. */
    String key();

    /** Network outputs this loss needs for K classes. */
    default int outputs(int classes) {
        return classes;
    }

    /** Whether this is a margin loss on one output. */
    default boolean binary() {
        return false;
    }

    /**
     * Sum over rows of the per-sample loss. When delta is not null it receives ∂(mean loss)/∂z with
     * the mean taken over {@code meanOver} samples (the batch size).
     */
    default double evaluate(Matrix logits, int[] labels, int labelOffset, Matrix delta, int meanOver) {
        FloatBuffer z = logits.buffer();
        FloatBuffer d = delta == null ? null : delta.buffer();
        int k = logits.cols;
        float scale = 1f / meanOver;
        double total = 0;
        for (int r = 0; r < logits.rows; r++)
            total += rowLoss(z, logits.offset() + r * k, k, labels[labelOffset + r], d, delta == null ? 0 : delta.offset() + r * k, scale);
        return total;
    }

    double rowLoss(FloatBuffer z, int base, int k, int label, FloatBuffer delta, int dBase, float scale);

    /** Softmax cross-entropy −log softmax(z)_y, computed with the log-sum-exp shift. */
    record CrossEntropy() implements Loss {
        @Override public String key() { return "crossEntropy"; }

        @Override
        public double rowLoss(FloatBuffer z, int base, int k, int label, FloatBuffer delta, int dBase, float scale) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) max = Math.max(max, z.get(base + c));
            double sum = 0;
            for (int c = 0; c < k; c++) sum += Math.exp(z.get(base + c) - max);
            double logSum = Math.log(sum) + max;
            if (delta != null)
                for (int c = 0; c < k; c++) {
                    double p = Math.exp(z.get(base + c) - logSum);
                    delta.put(dBase + c, (float) ((p - (c == label ? 1 : 0)) * scale));
                }
            return logSum - z.get(base + label);
        }
    }

    /** Squared error to the one-hot target, averaged over outputs as PyTorch's MSELoss does. */
    record Mse() implements Loss {
        @Override public String key() { return "mse"; }

        @Override
        public double rowLoss(FloatBuffer z, int base, int k, int label, FloatBuffer delta, int dBase, float scale) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                double diff = z.get(base + c) - (c == label ? 1.0 : 0.0);
                s += diff * diff;
                if (delta != null) delta.put(dBase + c, (float) (2 * diff / k * scale));
            }
            return s / k;
        }
    }

    /** A loss ℓ(z) of the margin z = y·f of a single output, y = ±1. */
    sealed interface Margin extends Loss permits Hinge, SoftHinge, QuadraticHinge {
        double value(double margin);

        double derivative(double margin);

        /** ℓ''(z), for the implicit steps of the linearised flow (NaN where ℓ' jumps: the hinge). */
        double curvature(double margin);

        @Override
        default int outputs(int classes) {
            if (classes != 2) throw new IllegalArgumentException(key() + " is a loss for two classes, not " + classes);
            return 1;
        }

        @Override
        default boolean binary() {
            return true;
        }

        @Override
        default double rowLoss(FloatBuffer z, int base, int k, int label, FloatBuffer delta, int dBase, float scale) {
            double y = label == 1 ? 1 : -1;
            double m = y * z.get(base);
            if (delta != null) delta.put(dBase, (float) (derivative(m) * y * scale));
            return value(m);
        }
    }

    /** max(0, 1 − z). */
    record Hinge() implements Margin {
        @Override public String key() { return "hinge"; }
        @Override public double value(double m) { return Math.max(0, 1 - m); }
        @Override public double derivative(double m) { return m < 1 ? -1 : 0; }
        @Override public double curvature(double m) { return Double.NaN; }
    }

    /** softplus(β(1 − z))/β = log(1 + e^{β(1−z)})/β, a smooth hinge that tends to it as β → ∞. */
    record SoftHinge(double beta) implements Margin {
        public SoftHinge {
            if (!(beta > 0) || Double.isInfinite(beta)) throw new IllegalArgumentException("softHinge beta must be > 0, got " + beta);
        }

        @Override public String key() { return "softHinge(beta=" + beta + ")"; }

        @Override
        public double value(double m) {
            double x = beta * (1 - m);
            return (x > 30 ? x : Math.log1p(Math.exp(x))) / beta;
        }

        @Override
        public double derivative(double m) {
            return -1 / (1 + Math.exp(-beta * (1 - m)));
        }

        /** β σ(x)(1 − σ(x)), x = β(1 − z), written with e^{−|x|} so that it cannot overflow. */
        @Override
        public double curvature(double m) {
            double e = Math.exp(-Math.abs(beta * (1 - m)));
            return beta * e / ((1 + e) * (1 + e));
        }
    }

    /** ½ max(0, 1 − z)². */
    record QuadraticHinge() implements Margin {
        @Override public String key() { return "quadraticHinge"; }
        @Override public double value(double m) { return m < 1 ? 0.5 * (1 - m) * (1 - m) : 0; }
        @Override public double derivative(double m) { return m < 1 ? -(1 - m) : 0; }
        @Override public double curvature(double m) { return m < 1 ? 1 : 0; }
    }
}
