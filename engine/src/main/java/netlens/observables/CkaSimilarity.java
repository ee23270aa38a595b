package netlens.observables;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlens.linalg.Blas;
import netlens.linalg.Gemm;
import netlens.observe.Layer;
import netlens.observe.Measurement;
import netlens.observe.Measurements;
import netlens.observe.Memory;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;
import netlens.probe.Cka;

/**
 * Linear CKA (Kornblith et al. 2019) on a stratified subset of {@code samples} probe samples:
 * between every two probed layers at each probe ("cka_layers": layer_a, layer_b, cka for a ≤ b),
 * and between every two probes of each layer ("cka_epochs": layer, epoch_a, epoch_b, cka for
 * a ≤ b; the input, the same at every epoch, left out).
 */
public record CkaSimilarity(int samples) implements Observable {
    public CkaSimilarity {
        if (samples < 2) throw new IllegalArgumentException("cka samples must be >= 2, got " + samples);
    }

    /** One probe's subset features per layer. */
    private record Kept(int epoch, int rows, List<String> names, List<float[]> features, List<Integer> widths) {}

    @Override
    public String key() {
        return "cka";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.FEATURES);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() ? Set.of("cka_layers", "cka_epochs") : Set.of();
    }

    @Override
    public Measurements atProbe(Probe probe) {
        Blas blas = probe.gemm().blas();
        int[] subset = probe.subset("cka", samples);
        List<Layer> layers = probe.layers();
        Kept kept = new Kept(probe.epoch(), subset.length, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Cka.Features> features = new ArrayList<>();
        for (Layer layer : layers) {
            float[] rows = layer.rows(subset);
            features.add(new Cka.Features(rows, subset.length, layer.width(), blas));
            if (layer.index() == 0) continue;
            kept.names().add(layer.name());
            kept.features().add(rows);
            kept.widths().add(layer.width());
        }
        probe.memory().slot("probes", ArrayList<Kept>::new).add(kept);
        List<List<Object>> rows = new ArrayList<>();
        for (int a = 0; a < layers.size(); a++)
            for (int b = a; b < layers.size(); b++)
                rows.add(List.of(layers.get(a).name(), layers.get(b).name(), Cka.linear(features.get(a), features.get(b), blas)));
        return new Measurements().put("cka_layers", new Measurement.Table(List.of("layer_a", "layer_b", "cka"), rows));
    }

    @Override
    public Measurements acrossProbes(Memory memory, Gemm gemm) {
        List<Kept> probes = memory.slot("probes", ArrayList<Kept>::new);
        if (probes.isEmpty()) return new Measurements();
        Blas blas = gemm.blas();
        List<List<Object>> rows = new ArrayList<>();
        int m = probes.get(0).rows();
        for (int li = 0; li < probes.get(0).names().size(); li++) {
            List<Cka.Features> byEpoch = new ArrayList<>();
            for (Kept k : probes) byEpoch.add(new Cka.Features(k.features().get(li), m, k.widths().get(li), blas));
            for (int a = 0; a < probes.size(); a++)
                for (int b = a; b < probes.size(); b++)
                    rows.add(List.of(probes.get(0).names().get(li), probes.get(a).epoch(), probes.get(b).epoch(),
                            Cka.linear(byEpoch.get(a), byEpoch.get(b), blas)));
        }
        return new Measurements().put("cka_epochs", new Measurement.Table(List.of("layer", "epoch_a", "epoch_b", "cka"), rows));
    }
}
