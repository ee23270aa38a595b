package netlens.observables;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlens.linalg.ClassStatistics;
import netlens.observe.Layer;
import netlens.observe.Measurement;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;
import netlens.probe.CollapseMetrics;
import netlens.probe.NeuralCollapse;
import netlens.probe.Separation;

/**
 * Neural collapse at every layer (Papyan, Han & Donoho 2020; docs/definitions.md §3): NC1 =
 * Tr(Σ_W Σ_B⁺)/K, CDNV, NC2 (equinorm, equiangularity, the ETF and orthogonal-frame errors, the
 * cosines between centred class means), NC3 and the classifier's equinorm at the penultimate layer,
 * NC4 against the network's current predictions, nearest-class-centre accuracy on the probe's train
 * and test samples, and He & Su's D_l = Tr(Σ_W Σ_B⁺) = K·NC1; across the hidden layers, the fit
 * log D_l ≈ a + b·l (He & Su 2022).
 */
public record Collapse() implements Observable {
    @Override
    public String key() {
        return "neural_collapse";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.FEATURES, Need.CLASS_STATISTICS, Need.TEST_FEATURES, Need.PREDICTIONS, Need.WEIGHTS);
    }

    @Override
    public Set<String> produces(Site site) {
        if (site.network()) return Set.of("separation_slope", "separation_intercept", "separation_pearson_r", "separation_ratio");
        Set<String> out = new java.util.HashSet<>(Set.of("nc1", "cdnv", "nc2_equinorm", "nc2_equiangularity", "nc2_etf_error",
                "nc2_orthogonal_frame_error", "nc4", "ncc_accuracy", "ncc_test_accuracy", "separation_d", "class_mean_cosines"));
        if (site.penultimate()) out.addAll(Set.of("nc2_weight_equinorm", "nc3"));
        return out;
    }

    @Override
    public Measurements atLayer(Probe probe, Layer layer) {
        ClassStatistics stats = layer.statistics();
        int k = layer.classes();
        CollapseMetrics c = NeuralCollapse.measure(stats, layer.features(), layer.labels(), probe.predictions(), probe.classifier(layer),
                probe.gemm().blas());
        double nccTest = layer.testLabels().length == 0 ? Double.NaN
                : agreement(NeuralCollapse.nearestCentre(stats, layer.testFeatures(), layer.testLabels().length, probe.gemm().blas()), layer.testLabels());
        Measurements out = new Measurements().put("nc1", c.nc1()).put("cdnv", c.cdnv())
                .put("nc2_equinorm", c.equinorm()).put("nc2_equiangularity", c.equiangularity())
                .put("nc2_etf_error", c.etfError()).put("nc2_orthogonal_frame_error", c.orthogonalFrameError());
        if (!Double.isNaN(c.nc3())) out.put("nc2_weight_equinorm", c.weightEquinorm()).put("nc3", c.nc3());
        if (!Double.isNaN(c.nc4())) out.put("nc4", c.nc4());
        out.put("ncc_accuracy", c.nccAccuracy());
        if (!Double.isNaN(nccTest)) out.put("ncc_test_accuracy", nccTest);
        out.put("separation_d", k * c.nc1());                    // D_l = Tr(Σ_W Σ_B⁺) = K·NC1
        float[] cosines = new float[k * k];
        for (int i = 0; i < cosines.length; i++) cosines[i] = (float) c.cosines()[i];
        return out.put("class_mean_cosines", new Measurement.Matrix(k, k, cosines));
    }

    @Override
    public Measurements atProbe(Probe probe) {
        List<Integer> layers = new ArrayList<>();
        List<Double> d = new ArrayList<>();
        for (Layer layer : probe.layers()) {
            if (layer.index() == 0 || layer.index() == probe.network().layers()) continue;
            layers.add(layer.index());
            d.add(probe.measured().scalar(layer.name(), "separation_d"));
        }
        Separation s = Separation.fit(layers.stream().mapToInt(Integer::intValue).toArray(), d.stream().mapToDouble(Double::doubleValue).toArray());
        return new Measurements().put("separation_slope", s.slope()).put("separation_intercept", s.intercept())
                .put("separation_pearson_r", s.pearsonR()).put("separation_ratio", s.ratio());
    }

    private static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == b[i]) same++;
        return a.length == 0 ? Double.NaN : (double) same / a.length;
    }
}
