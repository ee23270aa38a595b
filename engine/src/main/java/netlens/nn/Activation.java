package netlens.nn;

import java.nio.FloatBuffer;

/**
 * Pointwise nonlinearities. Each applies σ to a range of pre-activations and turns a gradient with
 * respect to σ(z) into one with respect to z. Loops live in each constant so the JIT sees one body.
 */
public enum Activation {
    RELU("relu") {
        @Override public float apply(float z) { return z > 0f ? z : 0f; }
        @Override public float derivative(float z) { return z > 0f ? 1f : 0f; }
        @Override void forward(FloatBuffer z, FloatBuffer a, int off, int len) {
            for (int i = off, end = off + len; i < end; i++) { float v = z.get(i); a.put(i, v > 0f ? v : 0f); }
        }
        @Override void backward(FloatBuffer z, FloatBuffer a, FloatBuffer g, int off, int len) {
            for (int i = off, end = off + len; i < end; i++) if (!(z.get(i) > 0f)) g.put(i, 0f);
        }
    },
    TANH("tanh") {
        @Override public float apply(float z) { return (float) Math.tanh(z); }
        @Override public float derivative(float z) { float t = (float) Math.tanh(z); return 1f - t * t; }
        @Override void forward(FloatBuffer z, FloatBuffer a, int off, int len) {
            for (int i = off, end = off + len; i < end; i++) a.put(i, (float) Math.tanh(z.get(i)));
        }
        // tanh' = 1 − tanh², read from the stored activation.
        @Override void backward(FloatBuffer z, FloatBuffer a, FloatBuffer g, int off, int len) {
            for (int i = off, end = off + len; i < end; i++) { float t = a.get(i); g.put(i, g.get(i) * (1f - t * t)); }
        }
    },
    LINEAR("linear") {
        @Override public float apply(float z) { return z; }
        @Override public float derivative(float z) { return 1f; }
        @Override void forward(FloatBuffer z, FloatBuffer a, int off, int len) {
            if (z != a) for (int i = off, end = off + len; i < end; i++) a.put(i, z.get(i));
        }
        @Override void backward(FloatBuffer z, FloatBuffer a, FloatBuffer g, int off, int len) {}
    };

    private final String key;

    Activation(String key) {
        this.key = key;
    }

    /** The name scripts and reports use. */
    public String key() {
        return key;
    }

    public abstract float apply(float z);

    public abstract float derivative(float z);

    /** a[i] = σ(z[i]) for i in [off, off+len); a may be z itself for LINEAR. */
    abstract void forward(FloatBuffer z, FloatBuffer a, int off, int len);

    /** g[i] *= σ'(z[i]) for i in [off, off+len); a holds σ(z). */
    abstract void backward(FloatBuffer z, FloatBuffer a, FloatBuffer g, int off, int len);

    public static Activation byKey(String key) {
        for (Activation a : values()) if (a.key.equals(key)) return a;
        throw new IllegalArgumentException("unknown activation '" + key + "'");
    }
}
