package netlens.train;

import java.nio.FloatBuffer;
import netlens.linalg.Matrix;

/** Training losses on the network's outputs for integer class labels. */
public enum Loss {
    /** Softmax cross-entropy −log softmax(z)_y, computed with the log-sum-exp shift. */
    CROSS_ENTROPY("crossEntropy") {
        @Override
        double rowLoss(FloatBuffer z, int base, int k, int label, FloatBuffer delta, int dBase, float scale) {
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
    },
    /** Squared error to the one-hot target, averaged over outputs as PyTorch's MSELoss does. */
    MSE("mse") {
        @Override
        double rowLoss(FloatBuffer z, int base, int k, int label, FloatBuffer delta, int dBase, float scale) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                double diff = z.get(base + c) - (c == label ? 1.0 : 0.0);
                s += diff * diff;
                if (delta != null) delta.put(dBase + c, (float) (2 * diff / k * scale));
            }
            return s / k;
        }
    };

    private final String key;

    Loss(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /**
     * Sum over rows of the per-sample loss. When delta is not null it receives ∂(mean loss)/∂z with
     * the mean taken over {@code meanOver} samples (the batch size).
     */
    public double evaluate(Matrix logits, int[] labels, int labelOffset, Matrix delta, int meanOver) {
        FloatBuffer z = logits.buffer();
        FloatBuffer d = delta == null ? null : delta.buffer();
        int k = logits.cols;
        float scale = 1f / meanOver;
        double total = 0;
        for (int r = 0; r < logits.rows; r++)
            total += rowLoss(z, logits.offset() + r * k, k, labels[labelOffset + r], d,
                    delta == null ? 0 : delta.offset() + r * k, scale);
        return total;
    }

    abstract double rowLoss(FloatBuffer z, int base, int k, int label, FloatBuffer delta, int dBase, float scale);
}
