package netlens.nn;

import netlens.linalg.Matrix;

/**
 * What a network's outputs mean: the trained output O is f itself, or for the α-trick
 * O = α (f − f₀) with f₀ the initial network's output on the same input; the predicted class is
 * argmax O, or for a single output (a binary margin task) 1 when O > 0 and 0 otherwise.
 */
public final class Readout {
    private Readout() {}

    /** O = α (f − f₀) into dst, where f₀ holds the initial outputs of the same rows. */
    public static void centre(Matrix f, float[] f0, int f0Offset, double alpha, Matrix dst) {
        int k = f.cols;
        for (int r = 0; r < f.rows; r++)
            for (int c = 0; c < k; c++) dst.set(r, c, (float) (alpha * (f.get(r, c) - f0[f0Offset + r * k + c])));
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

    /** The network's raw outputs on every sample of a dataset, row-major. */
    public static float[] outputs(Mlp net, netlens.data.Dataset data, Inference inference) {
        int k = net.width(net.layers());
        float[] out = new float[data.size() * k];
        inference.run(net, data, (start, tape) -> {
            Matrix f = tape.post(net.layers());
            f.buffer().get(f.offset(), out, start * k, f.rows * k);
        });
        return out;
    }
}
