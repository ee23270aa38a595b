package netlens.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netlens.data.DataStore;
import netlens.nn.Activation;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;

/**
 * A network a script loads instead of initialising one: the file, its SHA-256 (part of the point's
 * cache key and of run.json, so other weights are another run), the hidden layers' activation (the
 * file's, or the script's where the file does not say), its input and output widths and the file's metadata.
 */
public record Pretrained(String path, String sha256, Activation activation, int inputs, int outputs, Map<String, String> metadata) {
    /** The metadata key under which a trainer records the test accuracy it measured (a fraction). */
    public static final String TEST_ACCURACY = "test_accuracy";

    /** Reads the file once to describe it; {@link #network} reads it again when the run starts. */
    public static Pretrained of(Path file, Activation scripted) {
        DenseStack stack = NetworkFiles.read(file);
        Activation a = stack.activation(scripted, file.toString());
        List<DenseStack.Dense> layers = stack.layers();
        return new Pretrained(file.toAbsolutePath().normalize().toString(), sha256(file), a, layers.get(0).in(), layers.get(layers.size() - 1).out(),
                stack.metadata());
    }

    public DenseStack stack() {
        return NetworkFiles.read(Path.of(path));
    }

    /** The network, checked against what the run expects of it (inputs from the data, outputs from the loss). */
    public Mlp network(MlpSpec expected) {
        String now = sha256(Path.of(path));
        if (!now.equals(sha256)) throw new NetworkFileException(path + " changed since the script was read (SHA-256 " + now + ", was " + sha256 + ")");
        Mlp net = stack().network(activation, path);
        MlpSpec got = net.spec();
        if (got.inputs() != expected.inputs())
            throw new NetworkFileException(path + " takes " + got.inputs() + " inputs; the data has " + expected.inputs() + " features");
        if (got.outputs() != expected.outputs())
            throw new NetworkFileException(path + " has " + got.outputs() + " outputs; the data and loss need " + expected.outputs());
        return net;
    }

    static String sha256(Path file) {
        try {
            return DataStore.sha256(file);
        } catch (IOException e) {
            throw new NetworkFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
