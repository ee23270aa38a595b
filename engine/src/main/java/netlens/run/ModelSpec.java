package netlens.run;

import netlens.interop.Pretrained;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.nn.Parameterisation;

/**
 * A dense network whose input and output widths come from the data (and loss), with its
 * parameterisation and, for the α-trick, α (NaN: plain output); its weights are initialised from the
 * seed, or read from a file trained elsewhere ({@code pretrained}, null otherwise).
 */
public record ModelSpec(int[] hidden, Activation activation, boolean bias, Init init, Parameterisation parameterisation, double alpha,
                        Pretrained pretrained) {
    public ModelSpec(int[] hidden, Activation activation, boolean bias, Init init) {
        this(hidden, activation, bias, init, Parameterisation.STANDARD, Double.NaN);
    }

    public ModelSpec(int[] hidden, Activation activation, boolean bias, Init init, Parameterisation parameterisation, double alpha) {
        this(hidden, activation, bias, init, parameterisation, alpha, null);
    }

    public ModelSpec {
        if (hidden.length == 0) throw new IllegalArgumentException("hidden must list at least one layer width");
        for (int w : hidden) if (w < 1) throw new IllegalArgumentException("hidden widths must be >= 1, got " + java.util.Arrays.toString(hidden));
        hidden = hidden.clone();
    }

    public MlpSpec resolve(int inputs, int outputs) {
        return new MlpSpec(inputs, hidden, outputs, activation, bias, init, parameterisation, alpha);
    }

    /** The network a run starts from: the file's weights, or a fresh initialisation from the seed. */
    public Mlp network(MlpSpec spec, long seed) {
        return pretrained == null ? Mlp.initialise(spec, seed) : pretrained.network(spec);
    }
}
