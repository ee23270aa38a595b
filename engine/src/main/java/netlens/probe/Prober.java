package netlens.probe;

import java.util.ArrayList;
import java.util.List;
import netlens.data.Dataset;
import netlens.linalg.Blas;
import netlens.linalg.Gemm;
import netlens.linalg.Workers;
import netlens.nn.Inference;
import netlens.nn.Mlp;
import netlens.util.Rng;

/**
 * Takes a probe: runs the probe samples through the network, keeps every layer's activations, and
 * measures each layer (PCA to 2-D, neural collapse). A prober works on one thread of its own, so
 * it can run beside training on a snapshot of the network; its matrix products use the same
 * fixed tiles as training, so results do not depend on any thread count. The input layer never
 * changes and is measured once.
 */
public final class Prober implements AutoCloseable {
    private final Workers workers = new Workers(1);
    private final Gemm gemm;
    private final ProbeConfig config;
    private final Dataset sample;
    private LayerProbe input;

    public Prober(Blas blas, ProbeConfig config, Dataset train, long seed) {
        this.gemm = new Gemm(blas, workers);
        this.config = config;
        this.sample = stratified(train, config.maxSamples(), seed);
    }

    @Override
    public void close() {
        workers.close();
    }

    /** The samples every probe looks at. */
    public Dataset sample() {
        return sample;
    }

    public ProbeResult probe(int epoch, Mlp net) {
        int layers = net.layers();
        int n = sample.size();
        float[][] features = new float[layers + 1][];
        features[0] = sample.features();
        for (int l = 1; l <= layers; l++) features[l] = new float[n * net.width(l)];
        int[] predictions = new int[n];
        new Inference(gemm).run(net, sample, (start, tape) -> {
            for (int l = 1; l <= layers; l++) {
                int w = net.width(l);
                tape.post(l).buffer().get(tape.post(l).offset(), features[l], start * w, tape.rows() * w);
            }
            var out = tape.post(layers);
            for (int r = 0; r < tape.rows(); r++) {
                int best = 0;
                for (int c = 1; c < out.cols; c++) if (out.get(r, c) > out.get(r, best)) best = c;
                predictions[start + r] = best;
            }
        });
        List<LayerProbe> result = new ArrayList<>();
        float[] classifier = net.weight(layers).toArray();
        for (int l = 0; l <= layers; l++) {
            if (!config.probes(l)) continue;
            if (l == 0 && input == null) input = measure(0, layerName(0, layers), net.width(0), features[0], predictions, null, false);
            result.add(l == 0 ? input : measure(l, layerName(l, layers), net.width(l), features[l],
                    predictions, l == layers - 1 ? classifier : null, l == layers - 1));
        }
        return new ProbeResult(epoch, result);
    }

    private LayerProbe measure(int layer, String name, int width, float[] h, int[] predictions, float[] classifier, boolean keepMeans) {
        var blas = gemm.blas();
        int k = sample.classes();
        ClassStatistics stats = ClassStatistics.of(h, width, sample.labels(), k, blas);
        Pca pca = Pca.of(stats.totalCov, stats.sampleMean, width, 2, blas);
        float[] coords = config.embeddings() ? pca.project(h, sample.size()) : null;
        CollapseMetrics collapse = config.collapse() ? NeuralCollapse.measure(stats, h, sample.labels(), predictions, classifier, blas) : null;
        double[] meanCoords = null, etfCoords = null;
        if (keepMeans) {
            meanCoords = new double[2 * k];
            etfCoords = new double[2 * k];
            double[] etf = SimplexEtf.nearest(stats, blas);
            for (int c = 0; c < k; c++) {
                System.arraycopy(pca.project(stats.means, c * width), 0, meanCoords, 2 * c, 2);
                System.arraycopy(pca.project(etf, c * width), 0, etfCoords, 2 * c, 2);
            }
        }
        return new LayerProbe(layer, name, width, coords, pca.explained, pca.effectiveRank(), collapse, meanCoords, etfCoords);
    }

    /** "input", "h1" … "h{L−1}", "logits". */
    public static String layerName(int l, int layers) {
        return l == 0 ? "input" : l == layers ? "logits" : "h" + l;
    }

    /** All samples when there are at most max, else a random subset with the classes' proportions. */
    static Dataset stratified(Dataset data, int max, long seed) {
        int n = data.size();
        if (n <= max) return data;
        int[] counts = data.classCounts();
        Rng rng = Rng.stream(seed, "probe-sample");
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            int cls = c;
            int[] members = java.util.stream.IntStream.range(0, n).filter(i -> data.labels()[i] == cls).toArray();
            int take = Math.max(1, (int) Math.round((double) max * members.length / n));
            int[] perm = rng.permutation(members.length);
            for (int j = 0; j < Math.min(take, members.length); j++) chosen.add(members[perm[j]]);
        }
        return data.select(chosen.stream().mapToInt(Integer::intValue).sorted().toArray());
    }
}
