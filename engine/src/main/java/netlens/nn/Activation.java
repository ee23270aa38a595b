package netlens.nn;

import java.nio.FloatBuffer;
import netlens.linalg.Chunks;

/**
 * Pointwise nonlinearities. Each derivative is written in terms of the activation a = σ(z) alone
 * (relu: a > 0, tanh: 1 − a²), so backward needs only the stored activations. Loops run over
 * on-heap chunks (see {@link Chunks}) so the JIT vectorises them.
 */
public enum Activation {
    RELU("relu") {
        @Override public float apply(float z) { return Math.max(z, 0f); }
        @Override public float derivativeAt(float a) { return a > 0f ? 1f : 0f; }
        @Override void apply(float[] t, int len) { for (int i = 0; i < len; i++) t[i] = Math.max(t[i], 0f); }
        // σ'(z) = [a > 0] as a product the JIT vectorises (a conditional select it does not, and the
        // branch mispredicts on half the units): every a > 0, down to the least subnormal 2⁻¹⁴⁹, times
        // 2¹⁴⁹ is ≥ 1, so min(1, a·2¹⁰⁰·2⁴⁹) is exactly 1 or 0 (a ≥ 0 here).
        @Override void scale(float[] g, float[] a, int len) { for (int i = 0; i < len; i++) g[i] *= Math.min(1f, a[i] * 0x1p100f * 0x1p49f); }
    },
    TANH("tanh") {
        @Override public float apply(float z) { return tanh(z); }
        @Override public float derivativeAt(float a) { return 1f - a * a; }
        @Override void apply(float[] t, int len) { for (int i = 0; i < len; i++) t[i] = tanh(t[i]); }
        @Override void scale(float[] g, float[] a, int len) { for (int i = 0; i < len; i++) g[i] *= 1f - a[i] * a[i]; }
    },
    LINEAR("linear") {
        @Override public float apply(float z) { return z; }
        @Override public float derivativeAt(float a) { return 1f; }
        @Override void apply(float[] t, int len) {}
        @Override void scale(float[] g, float[] a, int len) {}
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

    /** σ'(z) expressed through a = σ(z). */
    public abstract float derivativeAt(float a);

    abstract void apply(float[] t, int len);

    /** g[i] *= σ'(z_i), given a[i] = σ(z_i). */
    abstract void scale(float[] g, float[] a, int len);

    /** a ← σ(z) over [off, off+len); a may be z itself. */
    void forward(FloatBuffer z, FloatBuffer a, int off, int len) {
        if (this == LINEAR && z == a) return;
        float[] t = Chunks.scratch(0);
        for (int start = off, end = off + len; start < end; start += Chunks.SIZE) {
            int n = Math.min(Chunks.SIZE, end - start);
            z.get(start, t, 0, n);
            apply(t, n);
            a.put(start, t, 0, n);
        }
    }

    /** g ← g ⊙ σ'(z) over [off, off+len), where a holds σ(z). */
    void backward(FloatBuffer a, FloatBuffer g, int off, int len) {
        if (this == LINEAR) return;
        float[] ta = Chunks.scratch(0), tg = Chunks.scratch(1);
        for (int start = off, end = off + len; start < end; start += Chunks.SIZE) {
            int n = Math.min(Chunks.SIZE, end - start);
            a.get(start, ta, 0, n);
            g.get(start, tg, 0, n);
            scale(tg, ta, n);
            g.put(start, tg, 0, n);
        }
    }

    // tanh(x) ≈ x·p(x²)/q(x²) on [−c, c], ±1 beyond: a degree 13/6 rational fit with the coefficients
    // Eigen uses for float tanh; within 4e-7 of Math.tanh everywhere and six times faster.
    private static final float CLAMP = 7.90531110763549805f;
    private static final float A1 = 4.89352455891786e-03f, A3 = 6.37261928875436e-04f, A5 = 1.48572235717979e-05f,
            A7 = 5.12229709037114e-08f, A9 = -8.60467152213735e-11f, A11 = 2.00018790482477e-13f, A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f, B2 = 2.26843463243900e-03f, B4 = 1.18534705686654e-04f,
            B6 = 1.19825839466702e-06f;

    static float tanh(float v) {
        float x = Math.max(-CLAMP, Math.min(CLAMP, v));
        float x2 = x * x;
        float p = ((((((A13 * x2 + A11) * x2 + A9) * x2 + A7) * x2 + A5) * x2 + A3) * x2 + A1) * x;
        float q = ((B6 * x2 + B4) * x2 + B2) * x2 + B0;
        return p / q;
    }

    public static Activation byKey(String key) {
        for (Activation a : values()) if (a.key.equals(key)) return a;
        throw new IllegalArgumentException("unknown activation '" + key + "'");
    }
}
