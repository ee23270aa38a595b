package netlens.interop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.nn.Parameterisation;

/**
 * A fully connected network as a file holds it, whatever the format: affine layers in order, each
 * followed by the activation the file names (null where it names none: safetensors never does), and
 * the file's metadata (safetensors' "__metadata__", ONNX's metadata_props), e.g. the test accuracy
 * the trainer measured.
 */
public record DenseStack(List<Dense> layers, Map<String, String> metadata) {
    /**
     * One affine layer z = W a + b: {@code weight} is out×in row-major (PyTorch's layout),
     * {@code bias} null for a layer without one; {@code activation} is what follows it, in the
     * source's words (lower case: "relu", "tanh", "linear", "softmax", …) or null when unknown.
     */
    public record Dense(String name, int in, int out, float[] weight, float[] bias, String activation) {
        public Dense {
            if (weight.length != (long) in * out)
                throw new NetworkFileException(name + ": weight has " + weight.length + " values, expected [" + out + ", " + in + "]");
            if (bias != null && bias.length != out)
                throw new NetworkFileException(name + ": bias has shape [" + bias.length + "], expected [" + out + "]");
        }

        Dense withActivation(String after) {
            return new Dense(name, in, out, weight, bias, after);
        }
    }

    /** Activations that end a classifier: the cross-entropy readout applies them itself. */
    private static final List<String> READOUTS = List.of("softmax", "log_softmax", "logsoftmax");

    public DenseStack {
        layers = List.copyOf(layers);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (layers.size() < 2)
            throw new NetworkFileException("netlens probes networks with at least one hidden layer; the file has " + layers.size() + " linear layer(s)");
        for (int l = 1; l < layers.size(); l++) {
            Dense below = layers.get(l - 1), d = layers.get(l);
            if (d.in() != below.out())
                throw new NetworkFileException(d.name() + ": weight has shape [" + d.out() + ", " + d.in() + "], expected [" + d.out() + ", "
                        + below.out() + "] to follow " + below.name() + " (" + below.out() + " outputs)");
        }
    }

    /** The saved form of a netlens network: the layer scales folded into the weights, so a plain Linear stack computes the same f. */
    public static DenseStack of(Mlp net) {
        if (net.spec().centred())
            throw new NetworkFileException("a network trained with the α-trick outputs α (f − f₀), which a plain layer stack cannot hold; save it without alpha");
        List<Dense> out = new ArrayList<>();
        float[] p = net.parameterArray();
        for (int l = 1; l <= net.layers(); l++) {
            int in = net.width(l - 1), width = net.width(l);
            float[] w = new float[width * in];
            float s = net.scale(l);
            for (int i = 0; i < w.length; i++) w[i] = s * p[net.weightOffset(l) + i];
            float[] b = null;
            if (net.spec().bias()) {
                b = new float[width];
                System.arraycopy(p, net.weightOffset(l) + width * in, b, 0, width);
            }
            out.add(new Dense(String.valueOf(2 * (l - 1)), in, width, w, b, net.activation(l).key()));
        }
        return new DenseStack(out, Map.of());
    }

    public int inputs() {
        return layers.get(0).in();
    }

    public int outputs() {
        return layers.get(layers.size() - 1).out();
    }

    /**
     * The hidden layers' one activation: the file's where it names them (all the same), else
     * {@code scripted}; a script that names another than the file's is refused.
     */
    public Activation activation(Activation scripted, String source) {
        Activation found = null;
        for (int l = 0; l < layers.size() - 1; l++) {
            String named = layers.get(l).activation();
            if (named == null) continue;
            Activation a = known(named, layers.get(l).name());
            if (found != null && a != found)
                throw new NetworkFileException(source + ": layers " + layers.get(0).name() + " and " + layers.get(l).name()
                        + " are followed by different activations (" + found.key() + ", " + a.key() + "); netlens networks use one for every hidden layer");
            found = a;
        }
        if (found != null && scripted != null && found != scripted)
            throw new NetworkFileException(source + " says its hidden layers use " + found.key() + ", the script says " + scripted.key());
        if (found != null) return found;
        if (scripted == null)
            throw new NetworkFileException(source + " does not say which activation follows its hidden layers: name it, e.g. load(\"…\", activation = relu)");
        return scripted;
    }

    private static Activation known(String named, String layer) {
        for (Activation a : Activation.values()) if (a.key().equals(named)) return a;
        throw new NetworkFileException(layer + " is followed by " + named + "; netlens networks use relu, tanh or linear");
    }

    /** The netlens network this stack is: the standard parameterisation, its weights as read. */
    public Mlp network(Activation scripted, String source) {
        Activation activation = activation(scripted, source);
        Dense last = layers.get(layers.size() - 1);
        String end = last.activation() == null ? "linear" : last.activation().toLowerCase(Locale.ROOT);
        if (!end.equals("linear") && !end.equals("identity") && !READOUTS.contains(end))
            throw new NetworkFileException(last.name() + " (the output layer) is followed by " + last.activation()
                    + "; netlens reads logits, optionally followed by softmax");
        boolean bias = layers.get(0).bias() != null;
        for (Dense d : layers)
            if ((d.bias() != null) != bias)
                throw new NetworkFileException(d.name() + (bias ? " has no bias" : " has a bias") + " while " + layers.get(0).name()
                        + (bias ? " has one" : " has none") + "; netlens networks have biases in every layer or in none");
        int[] hidden = new int[layers.size() - 1];
        for (int l = 0; l < hidden.length; l++) hidden[l] = layers.get(l).out();
        MlpSpec spec = new MlpSpec(inputs(), hidden, outputs(), activation, bias, Init.PYTORCH, Parameterisation.STANDARD, Double.NaN);
        List<float[]> parts = new ArrayList<>();          // Mlp's layout: W_1, b_1, W_2, b_2, …
        for (Dense d : layers) {
            parts.add(d.weight());
            if (bias) parts.add(d.bias());
        }
        float[] p = new float[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, p, at, part.length);
            at += part.length;
        }
        return Mlp.of(spec, p);
    }
}
