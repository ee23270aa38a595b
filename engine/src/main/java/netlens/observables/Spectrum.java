package netlens.observables;

import java.util.Set;
import netlens.observe.Layer;
import netlens.observe.Measurement;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;

/** The leading {@value #LENGTH} eigenvalues of each layer's feature covariance, as fractions of its total variance ("pca_spectrum"). */
public record Spectrum() implements Observable {
    /** Eigenvalues kept per layer and probe. */
    public static final int LENGTH = 64;

    @Override
    public String key() {
        return "spectrum";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.FEATURES);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() ? Set.of() : Set.of("pca_spectrum");
    }

    @Override
    public Measurements atLayer(Probe probe, Layer layer) {
        double[] all = layer.pca().spectrum;
        double total = 0;
        for (double v : all) total += v;
        double[] fractions = new double[Math.min(LENGTH, layer.width())];
        for (int i = 0; i < fractions.length; i++) fractions[i] = total > 0 ? all[i] / total : 0;
        return new Measurements().put("pca_spectrum", new Measurement.Vector(fractions));
    }
}
