package netlens.run;

import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.MlpSpec;
import netlens.nn.Parameterisation;

/**
 * A dense network whose input and output widths come from the data (and loss), with its
 * parameterisation and, for the α-trick, α (NaN: plain output).
 */
public record ModelSpec(int[] hidden, Activation activation, boolean bias, Init init, Parameterisation parameterisation, double alpha) {
    public ModelSpec(int[] hidden, Activation activation, boolean bias, Init init) {
        this(hidden, activation, bias, init, Parameterisation.STANDARD, Double.NaN);
    }

    public ModelSpec {
        if (hidden.length == 0) throw new IllegalArgumentException("hidden must list at least one layer width");
        for (int w : hidden) if (w < 1) throw new IllegalArgumentException("hidden widths must be >= 1, got " + java.util.Arrays.toString(hidden));
        hidden = hidden.clone();
    }

    public MlpSpec resolve(int inputs, int outputs) {
        return new MlpSpec(inputs, hidden, outputs, activation, bias, init, parameterisation, alpha);
    }
}
