package netlens.observables;

import java.util.Set;
import netlens.observe.Layer;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;
import netlens.probe.TwoNn;

/**
 * Intrinsic dimension by TwoNN (Facco et al. 2017) on a stratified subset of {@code samples} probe
 * samples: the fit through the origin and the maximum-likelihood estimate, each with its bootstrap
 * standard error, and how many points a duplicate or a tie removed.
 */
public record IntrinsicDimension(int samples) implements Observable {
    public IntrinsicDimension {
        if (samples < 3) throw new IllegalArgumentException("intrinsicDimension samples must be >= 3, got " + samples);
    }

    @Override
    public String key() {
        return "intrinsic_dimension";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.FEATURES);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() ? Set.of() : Set.of("id_twonn", "id_twonn_error", "id_mle", "id_mle_error", "id_points_dropped");
    }

    @Override
    public Measurements atLayer(Probe probe, Layer layer) {
        int[] subset = probe.subset("id", samples);
        TwoNn.Estimate id = TwoNn.estimate(layer.rows(subset), subset.length, layer.width(), probe.gemm().blas(), probe.seed() + layer.index());
        return new Measurements().put("id_twonn", id.fit()).put("id_twonn_error", id.fitError())
                .put("id_mle", id.mle()).put("id_mle_error", id.mleError()).put("id_points_dropped", id.dropped());
    }
}
