package netlens.nn;

import java.util.Arrays;

/**
 * A dense network: inputs → hidden widths (each followed by the activation) → linear outputs,
 * with a parameterisation and, for the α-trick (Chizat & Bach; Geiger et al.), the scale α of the
 * trained output F(x) = α (f_θ(x) − f_θ₀(x)); α = NaN means the plain output f_θ.
 */
public record MlpSpec(int inputs, int[] hidden, int outputs, Activation activation, boolean bias, Init init,
                      Parameterisation parameterisation, double alpha) {
    public MlpSpec(int inputs, int[] hidden, int outputs, Activation activation, boolean bias, Init init) {
        this(inputs, hidden, outputs, activation, bias, init, Parameterisation.STANDARD, Double.NaN);
    }

    /** Whether the output is the α-trick's F = α (f − f₀). */
    public boolean centred() {
        return !Double.isNaN(alpha);
    }

    public MlpSpec {
        if (!Double.isNaN(alpha) && !(alpha > 0 && Double.isFinite(alpha)))
            throw new IllegalArgumentException("alpha must be > 0 (or absent), got " + alpha);
        if (inputs < 1) throw new IllegalArgumentException("inputs must be >= 1, got " + inputs);
        if (outputs < 1) throw new IllegalArgumentException("outputs must be >= 1, got " + outputs);
        hidden = hidden.clone();
        for (int w : hidden) if (w < 1) throw new IllegalArgumentException("hidden widths must be >= 1, got " + Arrays.toString(hidden));
    }

    /** Layer widths including input and output: [inputs, hidden..., outputs]. */
    public int[] widths() {
        int[] w = new int[hidden.length + 2];
        w[0] = inputs;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = outputs;
        return w;
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSpec s && inputs == s.inputs && Arrays.equals(hidden, s.hidden) && outputs == s.outputs
                && activation == s.activation && bias == s.bias && init == s.init && parameterisation == s.parameterisation
                && Double.compare(alpha, s.alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths()) * 31 + activation.hashCode() + (bias ? 1 : 0) + 7 * init.hashCode()
                + 11 * parameterisation.hashCode() + Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "mlp" + Arrays.toString(widths()) + " " + activation.key() + (bias ? "" : " no-bias")
                + (parameterisation == Parameterisation.STANDARD ? " init=" + init.key() : " " + parameterisation.key())
                + (centred() ? " alpha=" + alpha : "");
    }
}
