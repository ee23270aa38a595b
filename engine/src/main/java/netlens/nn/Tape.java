package netlens.nn;

import java.nio.FloatBuffer;
import netlens.linalg.Matrix;

/**
 * Working memory of one forward/backward pass for up to {@code capacity} rows: pre-activations z_l,
 * activations a_l (a_0 is the input) and back-propagated δ_l = ∂loss/∂z_l.
 */
public final class Tape {
    private final int capacity;
    private final Matrix[] pre;
    private final Matrix[] post;
    private final Matrix[] delta;
    private final FloatBuffer ones;
    private Matrix input;
    private int rows;

    public Tape(Mlp net, int capacity) {
        this.capacity = capacity;
        int layers = net.layers();
        pre = new Matrix[layers + 1];
        post = new Matrix[layers + 1];
        delta = new Matrix[layers + 1];
        Matrix column = Matrix.zeros(capacity, 1);
        column.fill(1f);
        ones = column.buffer();
        for (int l = 1; l <= layers; l++) {
            int w = net.width(l);
            pre[l] = Matrix.zeros(capacity, w);
            post[l] = net.activation(l) == Activation.LINEAR ? pre[l] : Matrix.zeros(capacity, w);
            delta[l] = Matrix.zeros(capacity, w);
        }
    }

    /** A column of ones, for sums over the batch by matrix product. */
    FloatBuffer ones() {
        return ones;
    }

    public int capacity() {
        return capacity;
    }

    void start(Matrix x) {
        if (x.rows > capacity) throw new IllegalArgumentException("batch of " + x.rows + " exceeds tape capacity " + capacity);
        input = x;
        rows = x.rows;
    }

    public int rows() {
        return rows;
    }

    public int layers() {
        return pre.length - 1;
    }

    /** z_l for the current rows, l = 1..L. */
    public Matrix pre(int l) {
        return pre[l].rows(0, rows);
    }

    /** a_l for the current rows, l = 0..L (a_0 is the input, a_L the logits). */
    public Matrix post(int l) {
        return l == 0 ? input : post[l].rows(0, rows);
    }

    /** δ_l = ∂loss/∂z_l for the current rows. */
    public Matrix delta(int l) {
        return delta[l].rows(0, rows);
    }
}
