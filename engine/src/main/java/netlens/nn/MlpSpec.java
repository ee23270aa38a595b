package netlens.nn;

import java.util.Arrays;

/**
 * A dense network: inputs → hidden widths (each followed by the activation) → linear outputs.
 */
public record MlpSpec(int inputs, int[] hidden, int outputs, Activation activation, boolean bias, Init init) {
    public MlpSpec {
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
                && activation == s.activation && bias == s.bias && init == s.init;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths()) * 31 + activation.hashCode() + (bias ? 1 : 0) + 7 * init.hashCode();
    }

    @Override
    public String toString() {
        return "mlp" + Arrays.toString(widths()) + " " + activation.key() + (bias ? "" : " no-bias") + " init=" + init.key();
    }
}
