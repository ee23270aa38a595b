package netlens.probe;

import java.util.ArrayList;
import java.util.List;
import netlens.data.Dataset;
import netlens.linalg.Blas;
import netlens.linalg.Gemm;
import netlens.linalg.Workers;
import netlens.nn.Inference;
import netlens.nn.Mlp;
import netlens.nn.Readout;
import netlens.util.Rng;

/**
 * Takes probes: runs the probe samples (train, and test for held-out accuracies) through the
 * network, keeps every layer's activations, and measures each probed layer. A prober works on one
 * thread of its own, so it can run beside training on a snapshot of the network; its matrix
 * products use the same fixed tiles as training, so results do not depend on any thread count.
 * The first probe must be of the initial network: it is the reference for weight movement.
 */
public final class Prober implements AutoCloseable {
    /** Linear CKA between one layer at two epochs. */
    public record EpochCka(String layer, int epochA, int epochB, double value) {}

    private final Workers workers = new Workers(1);
    private final Gemm gemm;
    private final Inference inference;
    private final ProbeConfig config;
    private final long seed;
    private final Dataset sample;
    private final Dataset testSample;
    private final int[] idSubset;
    private final int[] ckaSubset;
    private final int[] umapSubset;
    private final int[] ntkSubset;
    private LayerProbe input;
    private float[] initialParams;
    private Mlp initial;
    private final List<Integer> ckaEpochs = new ArrayList<>();
    private final List<List<float[]>> ckaFeatures = new ArrayList<>();
    private final List<Integer> ckaLayers = new ArrayList<>();
    private final List<String> ckaNames = new ArrayList<>();

    public Prober(Blas blas, ProbeConfig config, Dataset train, Dataset test, long seed) {
        this.gemm = new Gemm(blas, workers);
        this.inference = new Inference(gemm);
        this.config = config;
        this.seed = seed;
        this.sample = train.select(stratified(train.labels(), train.classes(), config.maxSamples(), Rng.stream(seed, "probe-sample")));
        boolean heldOut = config.collapse() || config.linearProbe();
        this.testSample = heldOut ? test.select(stratified(test.labels(), test.classes(), config.maxSamples(), Rng.stream(seed, "probe-test")))
                : test.select(new int[0]);
        int[] labels = sample.labels();
        idSubset = config.intrinsicDimension() > 0 ? stratified(labels, sample.classes(), config.intrinsicDimension(), Rng.stream(seed, "probe-id")) : null;
        ckaSubset = config.cka() > 0 ? stratified(labels, sample.classes(), config.cka(), Rng.stream(seed, "probe-cka")) : null;
        umapSubset = config.projection() instanceof Projection.Umap u ? stratified(labels, sample.classes(), u.samples(), Rng.stream(seed, "probe-umap")) : null;
        ntkSubset = config.ntk() > 0 ? stratified(labels, sample.classes(), config.ntk(), Rng.stream(seed, "probe-ntk")) : null;
    }

    @Override
    public void close() {
        workers.close();
    }

    /** The training samples every probe looks at. */
    public Dataset sample() {
        return sample;
    }

    public ProbeResult probe(int epoch, Mlp net) {
        int layers = net.layers();
        if (initialParams == null) {
            initialParams = net.params().toArray();
            initial = net.copy();
        }
        Activations train = forward(net, sample);
        Activations test = forward(net, testSample);
        float[] classifier = net.weight(layers).toArray();
        List<LayerProbe> result = new ArrayList<>();
        for (int l = 0; l <= layers; l++) {
            if (!config.probes(l)) continue;
            if (l == 0) {
                if (input == null) input = measure(0, net, train.features[0], test.features[0], train.predictions, null, false);
                result.add(input);
            } else {
                result.add(measure(l, net, train.features[l], test.features[l], train.predictions,
                        l == layers - 1 && net.width(layers) == sample.classes() ? classifier : null, l == layers - 1));
            }
        }
        return new ProbeResult(epoch, result, separation(result, layers), movement(net, 0, net.parameterCount()),
                layerCka(epoch, result, train), inputMap(net), ntk(net),
                config.neurons() && layers == 2 ? NeuronPositions.of(net, sample) : null);
    }

    /** Linear CKA of each probed layer between every two probe epochs, from the features kept by {@link #probe}. */
    public List<EpochCka> epochCka() {
        List<EpochCka> out = new ArrayList<>();
        if (ckaSubset == null) return out;
        Blas blas = gemm.blas();
        for (int li = 0; li < ckaLayers.size(); li++) {
            if (ckaLayers.get(li) == 0) continue;                       // the input is the same at every epoch
            int width = ckaFeatures.get(0).get(li).length / ckaSubset.length;
            List<Cka.Features> byEpoch = new ArrayList<>();
            for (List<float[]> probe : ckaFeatures) byEpoch.add(new Cka.Features(probe.get(li), ckaSubset.length, width, blas));
            for (int a = 0; a < byEpoch.size(); a++)
                for (int b = a; b < byEpoch.size(); b++)
                    out.add(new EpochCka(ckaNames.get(li), ckaEpochs.get(a), ckaEpochs.get(b), Cka.linear(byEpoch.get(a), byEpoch.get(b), blas)));
        }
        return out;
    }

    private record Activations(float[][] features, int[] predictions) {}

    /** Every layer's activations on data, and the class the network predicts (α-trick aware). */
    private Activations forward(Mlp net, Dataset data) {
        float[] f0 = net.spec().centred() && data.size() > 0 ? Readout.outputs(initial, data, inference) : null;
        int layers = net.layers(), n = data.size();
        float[][] features = new float[layers + 1][];
        features[0] = data.features();
        for (int l = 1; l <= layers; l++) features[l] = new float[n * net.width(l)];
        int[] predictions = new int[n];
        inference.run(net, data, (start, tape) -> {
            for (int l = 1; l <= layers; l++) {
                int w = net.width(l);
                tape.post(l).buffer().get(tape.post(l).offset(), features[l], start * w, tape.rows() * w);
            }
            var out = tape.post(layers);
            if (f0 != null) {
                var o = netlens.linalg.Matrix.zeros(out.rows, out.cols);
                Readout.centre(out, f0, start * out.cols, net.spec().alpha(), o);
                out = o;
            }
            for (int r = 0; r < tape.rows(); r++) predictions[start + r] = Readout.predict(out, r);
        });
        return new Activations(features, predictions);
    }

    private LayerProbe measure(int layer, Mlp net, float[] h, float[] hTest, int[] predictions, float[] classifier, boolean penultimate) {
        Blas blas = gemm.blas();
        int width = net.width(layer), k = sample.classes(), n = sample.size();
        ClassStatistics stats = ClassStatistics.of(h, width, sample.labels(), k, blas);
        Pca pca = Pca.of(stats.totalCov, stats.sampleMean, width, 2, blas);
        float[] coords = config.embeddings() ? Projector.project(config.projection(), h, n, width, pca, seed, layer, umapSubset) : null;

        CollapseMetrics collapse = null;
        double nccTest = Double.NaN, separation = Double.NaN;
        if (config.collapse()) {
            collapse = NeuralCollapse.measure(stats, h, sample.labels(), predictions, classifier, blas);
            separation = k * collapse.nc1();                               // D_l = Tr(Σ_W Σ_B⁺) = K·NC1
            if (testSample.size() > 0) nccTest = agreement(NeuralCollapse.nearestCentre(stats, hTest, testSample.size()), testSample.labels());
        }
        double[] meanCoords = null, etfCoords = null;
        if (penultimate && config.projection() instanceof Projection.Pca) {
            meanCoords = new double[2 * k];
            etfCoords = new double[2 * k];
            double[] etf = SimplexEtf.nearest(stats, blas);
            for (int c = 0; c < k; c++) {
                System.arraycopy(pca.project(stats.means, c * width), 0, meanCoords, 2 * c, 2);
                System.arraycopy(pca.project(etf, c * width), 0, etfCoords, 2 * c, 2);
            }
        }
        TwoNn.Estimate id = idSubset == null ? null : TwoNn.estimate(rows(h, width, idSubset), idSubset.length, width, blas, seed + layer);
        double probeTrain = Double.NaN, probeTest = Double.NaN;
        if (config.linearProbe()) {
            LinearProbe lp = new LinearProbe(stats, pca);
            probeTrain = lp.accuracy(h, sample.labels());
            probeTest = lp.accuracy(hTest, testSample.labels());
        }
        double[] spectrum = null;
        if (config.spectrum()) {
            double total = 0;
            for (double v : pca.spectrum) total += v;
            spectrum = new double[Math.min(ProbeConfig.SPECTRUM_LENGTH, width)];
            for (int i = 0; i < spectrum.length; i++) spectrum[i] = total > 0 ? pca.spectrum[i] / total : 0;
        }
        double moved = config.weightMovement() && layer > 0 ? movement(net, net.weightOffset(layer), net.biasEnd(layer)) : Double.NaN;
        float[] raw = width == 2 && config.embeddings() ? h : null;
        AngleStats angles = raw == null ? null : AngleStats.of(raw, sample.labels(), k);
        return new LayerProbe(layer, layerName(layer, net.layers()), width, coords, pca.explained, pca.effectiveRank(), pca.entropyRank(),
                spectrum, collapse, nccTest, separation, meanCoords, etfCoords, id, probeTrain, probeTest, moved, raw, angles);
    }

    /** Eigenvalues and projections kept per NTK probe; mutual information for the leading few. */
    private static final int NTK_KEPT = 200, NTK_INFORMATION = 10;

    /** The empirical NTK on the NTK subset of the probe samples, and what it says about the labels. */
    private netlens.kernel.KernelSpectrum ntk(Mlp net) {
        if (ntkSubset == null) return null;
        Dataset subset = sample.select(ntkSubset);
        var gram = netlens.kernel.EmpiricalNtk.of(net, subset, gemm, s -> {});
        var full = netlens.kernel.KernelSpectrum.of(gram, subset.labels(), subset.classes(), gemm.blas(), NTK_INFORMATION);
        int keep = Math.min(NTK_KEPT, full.eigenvalues().length);
        return new netlens.kernel.KernelSpectrum(java.util.Arrays.copyOf(full.eigenvalues(), keep), java.util.Arrays.copyOf(full.projections(), keep),
                java.util.Arrays.copyOf(full.cumulative(), keep), full.alignment(), full.mutualInformation());
    }

    /** Points per side of the vector-field grid. */
    private static final int FIELD = 17;

    /**
     * Decision regions on the input plane, and where the map into the last 2-unit hidden layer sends
     * a coarse grid of inputs. The square covers the training data with a 10 % margin.
     */
    private InputMap inputMap(Mlp net) {
        if (config.inputGrid() == 0 || net.width(0) != 2) return null;
        double extent = 0;
        for (float v : sample.features()) extent = Math.max(extent, Math.abs(v));
        double min = -1.1 * extent, max = 1.1 * extent;
        int g = config.inputGrid();
        int[] predicted = forward(net, grid(min, max, g, sample.classNames())).predictions;
        int bottleneck = -1;
        for (int l = 1; l < net.layers(); l++) if (net.width(l) == 2) bottleneck = l;
        float[] field = bottleneck < 0 ? null : forward(net, grid(min, max, FIELD, sample.classNames())).features[bottleneck];
        return new InputMap(min, max, g, predicted, bottleneck, bottleneck < 0 ? 0 : FIELD, field);
    }

    private static Dataset grid(double min, double max, int n, List<String> classNames) {
        float[] x = new float[2 * n * n];
        for (int iy = 0; iy < n; iy++)
            for (int ix = 0; ix < n; ix++) {
                x[2 * (iy * n + ix)] = (float) (min + (max - min) * ix / (n - 1));
                x[2 * (iy * n + ix) + 1] = (float) (min + (max - min) * iy / (n - 1));
            }
        return new Dataset("grid", x, new int[n * n], 2, classNames);
    }

    /** ‖θ − θ(0)‖/‖θ(0)‖ over parameters [from, to). */
    private double movement(Mlp net, int from, int to) {
        if (!config.weightMovement()) return Double.NaN;
        double diff = 0, base = 0;
        for (int i = from; i < to; i++) {
            double p = net.params().buffer().get(i), p0 = initialParams[i];
            diff += (p - p0) * (p - p0);
            base += p0 * p0;
        }
        return base > 0 ? Math.sqrt(diff / base) : Double.NaN;
    }

    private Separation separation(List<LayerProbe> probes, int layers) {
        if (!config.collapse()) return null;
        List<LayerProbe> hidden = probes.stream().filter(p -> p.layer() > 0 && p.layer() < layers).toList();
        int[] l = hidden.stream().mapToInt(LayerProbe::layer).toArray();
        double[] d = hidden.stream().mapToDouble(LayerProbe::separation).toArray();
        return Separation.fit(l, d);
    }

    private double[][] layerCka(int epoch, List<LayerProbe> probes, Activations train) {
        if (ckaSubset == null) return null;
        Blas blas = gemm.blas();
        int m = ckaSubset.length;
        List<float[]> kept = new ArrayList<>();
        List<Cka.Features> features = new ArrayList<>();
        for (LayerProbe p : probes) {
            float[] rows = rows(train.features[p.layer()], p.width(), ckaSubset);
            kept.add(rows);
            features.add(new Cka.Features(rows, m, p.width(), blas));
        }
        if (ckaLayers.isEmpty()) for (LayerProbe p : probes) {
            ckaLayers.add(p.layer());
            ckaNames.add(p.name());
        }
        ckaEpochs.add(epoch);
        ckaFeatures.add(kept);
        double[][] cka = new double[probes.size()][probes.size()];
        for (int a = 0; a < probes.size(); a++)
            for (int b = a; b < probes.size(); b++) cka[a][b] = cka[b][a] = Cka.linear(features.get(a), features.get(b), blas);
        return cka;
    }

    private static float[] rows(float[] h, int width, int[] subset) {
        float[] out = new float[subset.length * width];
        for (int i = 0; i < subset.length; i++) System.arraycopy(h, subset[i] * width, out, i * width, width);
        return out;
    }

    private static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == b[i]) same++;
        return a.length == 0 ? Double.NaN : (double) same / a.length;
    }

    /** "input", "h1" … "h{L−1}", "logits". */
    public static String layerName(int l, int layers) {
        return l == 0 ? "input" : l == layers ? "logits" : "h" + l;
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
