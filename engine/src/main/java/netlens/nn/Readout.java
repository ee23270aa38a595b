package netlens.nn;

import java.nio.FloatBuffer;
import java.util.function.IntUnaryOperator;
import netlens.data.Dataset;
import netlens.linalg.Matrix;

/**
 * What a network's outputs mean on one dataset: the trained output O is f itself, or for the
 * α-trick (Chizat & Bach; Geiger et al.) O = α (f − f₀), with f₀ the initial network's output on
 * the same sample, and the loss ℓ(O)/α². Trainer, probes and baselines all read outputs through
 * this one class. The predicted class is argmax O, or for a single output (a binary margin task)
 * 1 when O > 0 and 0 otherwise.
 */
public final class Readout {
    private static final Readout PLAIN = new Readout(Double.NaN, null, 0);

    private final double alpha;
    private final float[] initial;
    private final int outputs;

    private Readout(double alpha, float[] initial, int outputs) {
        this.alpha = alpha;
        this.initial = initial;
        this.outputs = outputs;
    }

    /** The readout of networks trained from {@code initial} on every sample of data. */
    public static Readout of(Mlp initial, Dataset data, Inference inference) {
        if (!initial.spec().centred()) return PLAIN;
        return new Readout(initial.spec().alpha(), outputs(initial, data, inference), initial.width(initial.layers()));
    }

    public boolean centred() {
        return initial != null;
    }

    /** O for contiguous rows of f starting at dataset row start: f itself, or α(f − f₀) written into buffer. */
    public Matrix apply(Matrix f, int start, Matrix buffer) {
        return apply(f, r -> start + r, buffer);
    }

    /** O for rows of f whose row r is dataset sample row.applyAsInt(r) (a shuffled batch). */
    public Matrix apply(Matrix f, IntUnaryOperator row, Matrix buffer) {
        if (initial == null) return f;
        Matrix o = buffer.rows(0, f.rows);
        for (int r = 0; r < f.rows; r++) {
            int at = row.applyAsInt(r) * outputs;
            for (int c = 0; c < outputs; c++) o.set(r, c, (float) (alpha * (f.get(r, c) - initial[at + c])));
        }
        return o;
    }

    /** A mean loss of O as the loss of the network: ℓ/α² for the α-trick. */
    public double loss(double meanLoss) {
        return initial == null ? meanLoss : meanLoss / (alpha * alpha);
    }

    /** ∂ℓ/∂O into the gradient of the network's loss by f, in place: for the α-trick ∂(ℓ/α²)/∂f = (∂ℓ/∂O)/α. */
    public void toNetworkGradient(Matrix delta) {
        if (initial == null) return;
        float s = (float) (1 / alpha);
        FloatBuffer b = delta.buffer();
        for (int i = delta.offset(), end = delta.offset() + delta.rows * delta.cols; i < end; i++) b.put(i, b.get(i) * s);
    }

    public static int predict(Matrix out, int row) {
        if (out.cols == 1) return out.get(row, 0) > 0 ? 1 : 0;
        int best = 0;
        float max = out.get(row, 0);
        for (int c = 1; c < out.cols; c++) {
            float v = out.get(row, c);
            if (v > max) {
                max = v;
                best = c;
            }
        }
        return best;
    }

    /** The network's raw outputs f on every sample of a dataset, row-major. */
    public static float[] outputs(Mlp net, Dataset data, Inference inference) {
        int k = net.width(net.layers());
        float[] out = new float[data.size() * k];
        inference.run(net, data, (start, tape) -> {
            Matrix f = tape.post(net.layers());
            f.buffer().get(f.offset(), out, start * k, f.rows * k);
        });
        return out;
    }
}
