package netlens.observe;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlens.data.Dataset;
import netlens.linalg.Blas;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;
import netlens.linalg.Workers;
import netlens.nn.Inference;
import netlens.nn.Mlp;
import netlens.nn.Readout;
import netlens.util.Rng;

/**
 * Takes probes: runs the probe samples through the network, keeps every layer's activations, and
 * hands each probed layer, then the whole probe, to every observable of the plan. A prober works
 * on threads of its own (one beside training, on a snapshot of the network; more when it runs
 * alone): its matrix products use the same fixed tiles as training, and each layer's statistics
 * and principal components are computed whole by one thread, so results do not depend on any
 * thread count. The first probe must be of the initial network.
 */
public final class Prober implements AutoCloseable {
    private final Workers workers;
    private final Gemm gemm;
    private final Inference inference;
    private final ProbeSchedule schedule;
    private final List<Observable> observables;
    private final long seed;
    private final Dataset sample;
    private final Dataset testSample;
    private final Map<String, int[]> subsets = new HashMap<>();
    private final Map<Observable, Memory> memories = new IdentityHashMap<>();
    private final Map<Observable, Measurements> inputOnce = new IdentityHashMap<>();
    private Mlp initial;
    private Readout readout;
    private Layer input;

    public Prober(Blas blas, int threads, ProbeSchedule schedule, List<Observable> observables, Dataset train, Dataset test, long seed) {
        this.workers = new Workers(threads);
        this.gemm = new Gemm(blas, workers);
        this.inference = new Inference(gemm);
        this.schedule = schedule;
        this.observables = List.copyOf(observables);
        this.seed = seed;
        this.sample = sample(train, schedule.samples(), seed);
        Set<Need> needs = EnumSet.noneOf(Need.class);
        for (Observable o : observables) {
            needs.addAll(o.needs());
            memories.put(o, new Memory());
        }
        this.testSample = needs.contains(Need.TEST_FEATURES)
                ? test.select(stratified(test.labels(), test.classes(), schedule.samples(), Rng.stream(seed, "probe-test")))
                : test.select(new int[0]);
    }

    @Override
    public void close() {
        workers.close();
    }

    /** The training samples every probe looks at. */
    public Dataset sample() {
        return sample;
    }

    /** The probed layers of a network with these widths. */
    public List<LayerInfo> layers(int[] widths) {
        List<LayerInfo> out = new ArrayList<>();
        int last = widths.length - 1;
        for (int l = 0; l <= last; l++) if (schedule.probes(l)) out.add(new LayerInfo(l, LayerInfo.name(l, last), widths[l]));
        return out;
    }

    public ProbeRecord probe(int epoch, Mlp net) {
        if (initial == null) {
            initial = net.copy();
            readout = Readout.of(initial, sample, inference);
        }
        Probe.Activations train = forward(net, sample, readout);
        float[][] test = forward(net, testSample, null).features();
        List<Layer> layers = new ArrayList<>();
        for (LayerInfo info : layers(net.spec().widths())) {
            int l = info.index();
            if (l == 0) {
                if (input == null) input = new Layer(info, sample.features(), testSample.features(), sample, testSample, gemm.blas());
                layers.add(input);
            } else {
                layers.add(new Layer(info, train.features()[l], test[l], sample, testSample, gemm.blas()));
            }
        }
        prepare(layers);
        Measurements byLayer = new Measurements();
        Probe probe = new Probe(epoch, net, initial, sample, train.predictions(), layers, gemm, seed, subsets,
                inputs -> forward(net, inputs, Readout.of(initial, inputs, inference)), byLayer);
        for (Layer layer : layers)
            for (Observable o : observables) {
                probe.memory(memories.get(o));
                boolean once = layer.index() == 0 && Need.dataOnly(o.needs());
                Measurements m = once ? inputOnce.get(o) : null;
                if (m == null) m = o.atLayer(probe, layer);
                if (once) inputOnce.put(o, m);
                byLayer.putAll(layer.name(), m);
            }
        Measurements record = new Measurements();
        for (Observable o : observables) {
            probe.memory(memories.get(o));
            record.putAll(o.atProbe(probe));
        }
        return new ProbeRecord(epoch, record.putAll(byLayer));
    }

    /**
     * The layers' class statistics, and principal components when measured, one layer per thread
     * (the widest first), before the observables read them.
     */
    private void prepare(List<Layer> layers) {
        boolean pca = observables.stream().anyMatch(o -> o.needs().contains(Need.PRINCIPAL_COMPONENTS));
        boolean statistics = observables.stream().anyMatch(o -> o.needs().contains(Need.CLASS_STATISTICS));
        if (!pca && !statistics) return;
        List<Layer> widest = new ArrayList<>(layers);
        widest.sort(java.util.Comparator.comparingInt(Layer::width).reversed());
        workers.forEach(widest.size(), i -> {
            if (pca) widest.get(i).pca();
            else widest.get(i).statistics();
        });
    }

    /** Each observable's measurements across the probes taken, after the last. */
    public Measurements finish() {
        Measurements out = new Measurements();
        for (Observable o : observables) out.putAll(o.acrossProbes(memories.get(o), gemm));
        return out;
    }

    /** Every layer's activations on data, and the predicted classes when a readout is given. */
    private Probe.Activations forward(Mlp net, Dataset data, Readout out) {
        int layers = net.layers(), n = data.size();
        float[][] features = new float[layers + 1][];
        features[0] = data.features();
        for (int l = 1; l <= layers; l++) features[l] = new float[n * net.width(l)];
        int[] predictions = new int[n];
        Matrix[] buffer = {null};
        inference.run(net, data, (start, tape) -> {
            for (int l = 1; l <= layers; l++) {
                int w = net.width(l);
                tape.post(l).buffer().get(tape.post(l).offset(), features[l], start * w, tape.rows() * w);
            }
            if (out == null) return;
            Matrix f = tape.post(layers);
            if (buffer[0] == null) buffer[0] = Matrix.zeros(f.rows, f.cols);
            Matrix o = out.apply(f, start, buffer[0]);
            for (int r = 0; r < tape.rows(); r++) predictions[start + r] = Readout.predict(o, r);
        });
        return new Probe.Activations(features, predictions);
    }

    /** The training samples a probe measures: at most {@code max}, stratified by class, the same for a seed (reports draw their images). */
    public static Dataset sample(Dataset train, int max, long seed) {
        return train.select(stratified(train.labels(), train.classes(), max, Rng.stream(seed, "probe-sample")));
    }

    /**
     * Sorted indices of at most max samples, every class keeping its share (at least one sample);
     * all indices when there are no more than max.
     */
    static int[] stratified(int[] labels, int classes, int max, Rng rng) {
        int n = labels.length;
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int cls = c;
            int[] members = java.util.stream.IntStream.range(0, n).filter(i -> labels[i] == cls).toArray();
            if (members.length == 0) continue;
            int take = Math.max(1, (int) Math.round((double) max * members.length / n));
            int[] perm = rng.permutation(members.length);
            for (int j = 0; j < Math.min(take, members.length); j++) chosen.add(members[perm[j]]);
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
