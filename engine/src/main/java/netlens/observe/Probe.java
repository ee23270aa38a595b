package netlens.observe;

import java.util.List;
import java.util.Map;
import netlens.data.Dataset;
import netlens.linalg.Gemm;
import netlens.nn.Mlp;

/**
 * One probe of the network at one epoch, as observables see it: the network now and at
 * initialisation, the probe samples and the classes the network predicts for them, every probed
 * layer, and the measurements taken at this probe so far (network-wide observables run after the
 * layers and may read them).
 */
public final class Probe {
    /** Every layer's activations on some inputs, and the predicted classes. */
    public record Activations(float[][] features, int[] predictions) {}

    /** Runs the network (with its readout) on inputs an observable chooses. */
    interface Runner {
        Activations run(Dataset inputs);
    }

    private final int epoch;
    private final Mlp network;
    private final Mlp initial;
    private final Dataset sample;
    private final int[] predictions;
    private final List<Layer> layers;
    private final Gemm gemm;
    private final long seed;
    private final Map<String, int[]> subsets;
    private final Runner runner;
    private final Measurements measured;
    private Memory memory;

    Probe(int epoch, Mlp network, Mlp initial, Dataset sample, int[] predictions, List<Layer> layers, Gemm gemm, long seed,
          Map<String, int[]> subsets, Runner runner, Measurements measured) {
        this.epoch = epoch;
        this.network = network;
        this.initial = initial;
        this.sample = sample;
        this.predictions = predictions;
        this.layers = List.copyOf(layers);
        this.gemm = gemm;
        this.seed = seed;
        this.subsets = subsets;
        this.runner = runner;
        this.measured = measured;
    }

    public int epoch() {
        return epoch;
    }

    /** A snapshot of the network at this probe. */
    public Mlp network() {
        return network;
    }

    /** The network at the first probe, which is of the initial network. */
    public Mlp initial() {
        return initial;
    }

    /** The training samples every probe looks at. */
    public Dataset sample() {
        return sample;
    }

    /** The class the network predicts for each probe sample. */
    public int[] predictions() {
        return predictions;
    }

    /** The probed layers, input first. */
    public List<Layer> layers() {
        return layers;
    }

    /** The probe's own single-threaded products: results do not depend on the run's thread count. */
    public Gemm gemm() {
        return gemm;
    }

    public long seed() {
        return seed;
    }

    /** What this probe has measured so far (each layer's entries under its name). */
    public Measurements measured() {
        return measured;
    }

    /** The current observable's state across probes. */
    public Memory memory() {
        return memory;
    }

    void memory(Memory m) {
        memory = m;
    }

    /**
     * Sorted indices of at most size probe samples, every class keeping its share, drawn once per run
     * from the seed's stream "probe-" + name: the same subset at every probe.
     */
    public int[] subset(String name, int size) {
        return subsets.computeIfAbsent(name + "/" + size,
                k -> Prober.stratified(sample.labels(), sample.classes(), size, netlens.util.Rng.stream(seed, "probe-" + name)));
    }

    /**
     * The K × D weights of the classifier acting on this layer's features (row c scores class c),
     * when the layer is the penultimate one and the network has one output per class; else null.
     */
    public float[] classifier(Layer layer) {
        int l = network.layers();
        if (layer.index() != l - 1 || network.width(l) != sample.classes()) return null;
        return network.weight(l).toArray();
    }

    /** The network's activations and predictions on other inputs (a grid over the input plane, say). */
    public Activations run(Dataset inputs) {
        return runner.run(inputs);
    }
}
