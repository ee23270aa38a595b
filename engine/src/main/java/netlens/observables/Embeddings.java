package netlens.observables;

import java.util.HashSet;
import java.util.Set;
import netlens.linalg.ClassStatistics;
import netlens.linalg.Pca;
import netlens.observe.Layer;
import netlens.observe.Measurement;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;
import netlens.probe.AngleStats;
import netlens.probe.Projection;
import netlens.probe.Projector;
import netlens.probe.SimplexEtf;

/**
 * Each layer's features reduced to 2-D ("embeddings", samples × 2; NaN rows for samples a
 * projection leaves out). With PCA, the penultimate layer also gives its class means and the
 * nearest simplex ETF in the same coordinates ("class_means_2d", "etf_2d", K × 2). A layer of two
 * units keeps its activations themselves ("activations") and each class's circular mean and
 * spread of direction (angle_mean_class_c, angle_std_class_c; Mardia & Jupp). With them, the class
 * the network predicts for each probe sample ("predictions", samples × 1), which a report shows
 * beside each point.
 */
public record Embeddings(Projection projection) implements Observable {
    @Override
    public String key() {
        return "embeddings";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.FEATURES);
    }

    @Override
    public Set<String> produces(Site site) {
        Set<String> out = new HashSet<>();
        if (site.network()) return Set.of("predictions");
        out.add("embeddings");
        if (site.penultimate() && projection instanceof Projection.Pca) out.addAll(Set.of("class_means_2d", "etf_2d"));
        if (site.width() == 2) out.add("activations");
        return out;
    }

    @Override
    public Measurements atProbe(Probe probe) {
        int[] predicted = probe.predictions();
        float[] values = new float[predicted.length];
        for (int i = 0; i < predicted.length; i++) values[i] = predicted[i];
        return new Measurements().put("predictions", new Measurement.Matrix(predicted.length, 1, values));
    }

    @Override
    public Measurements atLayer(Probe probe, Layer layer) {
        int n = layer.samples(), width = layer.width(), k = layer.classes();
        Pca pca = layer.pca();
        int[] subset = projection instanceof Projection.Umap u ? probe.subset("umap", u.samples()) : null;
        float[] coords = Projector.project(projection, layer.features(), n, width, pca, probe.seed(), layer.index(), subset);
        Measurements out = new Measurements().put("embeddings", new Measurement.Matrix(n, 2, coords));
        if (layer.index() == probe.network().layers() - 1 && projection instanceof Projection.Pca) {
            ClassStatistics stats = layer.statistics();
            double[] etf = SimplexEtf.nearest(stats, probe.gemm().blas());
            float[] means = new float[2 * k], vertices = new float[2 * k];
            for (int c = 0; c < k; c++) {
                double[] m = pca.project(stats.means, c * width), v = pca.project(etf, c * width);
                for (int a = 0; a < 2; a++) {
                    means[2 * c + a] = (float) m[a];
                    vertices[2 * c + a] = (float) v[a];
                }
            }
            out.put("class_means_2d", new Measurement.Matrix(k, 2, means)).put("etf_2d", new Measurement.Matrix(k, 2, vertices));
        }
        if (width == 2) {
            out.put("activations", new Measurement.Matrix(n, 2, layer.features()));
            AngleStats angles = AngleStats.of(layer.features(), layer.labels(), k);
            for (int c = 0; c < k; c++) out.put("angle_mean_class_" + c, angles.mean()[c]).put("angle_std_class_" + c, angles.std()[c]);
        }
        return out;
    }
}
