package netlens.observables;

import java.util.Set;
import netlens.linalg.Pca;
import netlens.observe.Layer;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;

/**
 * Every probed layer's width and the shape of its feature cloud: the share of variance along the
 * first two principal components, and the effective ranks of the PCA spectrum, the participation
 * ratio (Σλ)²/Σλ² and exp(−Σ pᵢ log pᵢ) with pᵢ = λᵢ/Σλ (Roy & Vetterli 2007). Always measured.
 */
public record PrincipalComponents() implements Observable {
    @Override
    public String key() {
        return "pca";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.FEATURES, Need.PRINCIPAL_COMPONENTS);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() ? Set.of() : Set.of("width", "pca_explained_1", "pca_explained_2", "effective_rank", "effective_rank_entropy");
    }

    @Override
    public Measurements atLayer(Probe probe, Layer layer) {
        Pca pca = layer.pca();
        return new Measurements().put("width", layer.width())
                .put("pca_explained_1", pca.explained[0])
                .put("pca_explained_2", pca.explained[1])
                .put("effective_rank", pca.effectiveRank())
                .put("effective_rank_entropy", pca.entropyRank());
    }
}
