package netlens.nn;

import java.nio.FloatBuffer;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;
import netlens.util.Rng;

/**
 * A dense network's parameters in one flat off-heap vector (so an optimiser step is one loop), with
 * forward and hand-written backward passes. Layer l = 1..L maps width(l−1) → width(l);
 * W_l is stored out×in (PyTorch's layout) at {@link #weightOffset}, b_l after it.
 */
public final class Mlp {
    private final MlpSpec spec;
    private final int[] widths;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int size;
    private final Matrix params;

    private Mlp(MlpSpec spec) {
        this.spec = spec;
        this.widths = spec.widths();
        int layers = widths.length - 1;
        weightOffset = new int[layers + 1];
        biasOffset = new int[layers + 1];
        long off = 0;
        for (int l = 1; l <= layers; l++) {
            weightOffset[l] = (int) off;
            off += (long) widths[l] * widths[l - 1];
            biasOffset[l] = (int) off;
            if (spec.bias()) off += widths[l];
            if (off > Integer.MAX_VALUE) throw new IllegalArgumentException("network too large: " + spec);
        }
        size = (int) off;
        params = Matrix.zeros(1, size);
    }

    /** A freshly initialised network; the same spec and seed give the same weights. */
    public static Mlp initialise(MlpSpec spec, long seed) {
        Mlp net = new Mlp(spec);
        Rng rng = Rng.stream(seed, "init");
        FloatBuffer p = net.params.buffer();
        for (int l = 1; l <= net.layers(); l++) {
            int in = net.widths[l - 1], out = net.widths[l];
            double bound = 1 / Math.sqrt(in);
            boolean unit = spec.parameterisation() != Parameterisation.STANDARD;   // NTK and mean field: N(0, 1), scaled in the forward pass
            for (int i = 0; i < out * in; i++) {
                double w = unit ? rng.gaussian() : switch (spec.init()) {
                    case PYTORCH -> rng.uniform(-bound, bound);
                    case HE -> rng.gaussian() * Math.sqrt(2.0 / in);
                    case XAVIER -> rng.gaussian() * Math.sqrt(2.0 / (in + out));
                };
                p.put(net.weightOffset[l] + i, (float) w);
            }
            if (spec.bias() && (unit || spec.init() == Init.PYTORCH))
                for (int j = 0; j < out; j++) p.put(net.biasOffset[l] + j, (float) (unit ? rng.gaussian() : rng.uniform(-bound, bound)));
        }
        return net;
    }

    /** A network with the given parameters, laid out as {@link #params()} (a saved or loaded network). */
    public static Mlp of(MlpSpec spec, float[] parameters) {
        Mlp net = new Mlp(spec);
        if (parameters.length != net.size)
            throw new IllegalArgumentException(spec + " has " + net.size + " parameters, not " + parameters.length);
        net.params.buffer().put(0, parameters);
        return net;
    }

    /** The parameters as one array, in {@link #params()}'s layout. */
    public float[] parameterArray() {
        float[] out = new float[size];
        params.buffer().get(0, out);
        return out;
    }

    public Mlp copy() {
        Mlp c = new Mlp(spec);
        c.params.copyFrom(params);
        return c;
    }

    public MlpSpec spec() {
        return spec;
    }

    /** Number of affine layers L (hidden layers + the output layer). */
    public int layers() {
        return widths.length - 1;
    }

    /** Width of layer l = 0..L (0 is the input). */
    public int width(int l) {
        return widths[l];
    }

    public int parameterCount() {
        return size;
    }

    /** The scale s of layer l in z = s·W a + b (1 in the standard parameterisation). */
    public float scale(int l) {
        return spec.parameterisation().scale(l, layers(), widths[l - 1]);
    }

    /** σ of layer l; the output layer is linear. */
    public Activation activation(int l) {
        return l == layers() ? Activation.LINEAR : spec.activation();
    }

    public Matrix params() {
        return params;
    }

    /** A zero vector shaped like the parameters (for gradients and optimiser state). */
    public Matrix newParameterVector() {
        return Matrix.zeros(1, size);
    }

    public Matrix weight(int l) {
        return weight(params, l);
    }

    public Matrix weight(Matrix vector, int l) {
        return Matrix.view(vector, weightOffset[l], widths[l], widths[l - 1]);
    }

    /** b_l as a 1×width(l) view, or null for a network without biases. */
    public Matrix bias(Matrix vector, int l) {
        return spec.bias() ? Matrix.view(vector, biasOffset[l], 1, widths[l]) : null;
    }

    /** Index range [weightOffset(l), biasEnd(l)) of layer l's parameters in the flat vector. */
    public int weightOffset(int l) {
        return weightOffset[l];
    }

    public int biasEnd(int l) {
        return biasOffset[l] + (spec.bias() ? widths[l] : 0);
    }

    /** Runs x (rows ≤ tape capacity) through the network, keeping every z_l and a_l on the tape. */
    public void forward(Gemm gemm, Matrix x, Tape tape) {
        if (x.cols != widths[0]) throw new IllegalArgumentException("input has " + x.cols + " features, network expects " + widths[0]);
        tape.start(x);
        int rows = x.rows;
        for (int l = 1; l <= layers(); l++) {
            Matrix z = tape.pre(l);
            Matrix b = bias(params, l);
            if (b != null) for (int r = 0; r < rows; r++) z.buffer().put(z.offset() + r * z.cols, b.buffer(), b.offset(), z.cols);
            gemm.timesTransposed(tape.post(l - 1), weight(l), z, b != null, scale(l));
            Matrix a = tape.post(l);
            activation(l).forward(z.buffer(), a.buffer(), z.offset(), rows * z.cols);
        }
    }

    /**
     * ∂f_k/∂z_l for every output k and every sample of the tape's batch, without parameter gradients
     * (what the empirical NTK needs): into[l] (l = 1..L) is (rows·K) × w_l, its row i·K + k holding
     * ∂f_k(x_i)/∂z_l. The K unit vectors are back-propagated together, so each layer is one product
     * of rows·K rows; scratch holds at least rows·K × w_l floats for the activations' derivatives.
     */
    public void outputDerivatives(Gemm gemm, Tape tape, Matrix[] into, Matrix scratch) {
        int rows = tape.rows(), k = width(layers());
        Matrix top = into[layers()];
        top.fill(0f);
        for (int i = 0; i < rows; i++)
            for (int o = 0; o < k; o++) top.set(i * k + o, o, 1f);
        for (int l = layers(); l > 1; l--) {
            Matrix below = into[l - 1], post = tape.post(l - 1);
            int w = below.cols, len = rows * k * w;
            gemm.times(into[l], weight(l), below, false, scale(l));
            FloatBuffer repeated = scratch.buffer().slice(scratch.offset(), len);   // a_{l−1}(x_i), once per output
            for (int i = 0; i < rows; i++)
                for (int o = 0; o < k; o++) repeated.put((i * k + o) * w, post.buffer(), post.offset() + i * w, w);
            activation(l - 1).backward(repeated, below.buffer().slice(below.offset(), len), 0, len);
        }
    }

    /**
     * Back-propagates tape.delta(L) = ∂loss/∂z_L (already averaged over the batch) and writes the
     * parameter gradient into {@code grad}, overwriting it.
     */
    public void backward(Gemm gemm, Tape tape, Matrix grad) {
        int rows = tape.rows();
        for (int l = layers(); l >= 1; l--) {
            Matrix delta = tape.delta(l);
            gemm.transposedTimes(delta, tape.post(l - 1), weight(grad, l), false, scale(l));   // ∂W_l = s δ_lᵀ a_{l−1}
            Matrix gb = bias(grad, l);
            if (gb != null) gemm.multiply(true, false, delta.cols, 1, rows, 1f, delta.buffer(), delta.offset(), delta.cols,
                    tape.ones(), 0, 1, 0f, gb.buffer(), gb.offset(), 1);              // ∂b_l = δ_lᵀ 1
            if (l > 1) {
                Matrix below = tape.delta(l - 1);
                gemm.times(delta, weight(l), below, false, scale(l));                 // ∂a_{l−1} = s δ_l W_l
                activation(l - 1).backward(tape.post(l - 1).buffer(), below.buffer(), below.offset(), rows * below.cols); // δ_{l−1} = ∂a ⊙ σ'(z)
            }
        }
    }
}
