package netlens.observables;

import java.util.Set;
import netlens.observe.Layer;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;
import netlens.probe.LinearProbe;

/**
 * How linearly decodable each layer is: the accuracy of a ridge classifier fitted in closed form on
 * the probe's training samples' frozen features, on those samples and on held-out test samples.
 */
public record LinearProbeAccuracy() implements Observable {
    @Override
    public String key() {
        return "linear_probe";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.FEATURES, Need.TEST_FEATURES);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() ? Set.of() : Set.of("linear_probe_accuracy", "linear_probe_test_accuracy");
    }

    @Override
    public Measurements atLayer(Probe probe, Layer layer) {
        LinearProbe lp = new LinearProbe(layer.statistics(), layer.pca());
        Measurements out = new Measurements().put("linear_probe_accuracy", lp.accuracy(layer.features(), layer.labels()));
        double test = lp.accuracy(layer.testFeatures(), layer.testLabels());
        return Double.isNaN(test) ? out : out.put("linear_probe_test_accuracy", test);
    }
}
