package netlens.observables;

import java.util.Set;
import java.util.function.BiFunction;
import netlens.observe.Layer;
import netlens.observe.Measurement;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;

/**
 * A measurement written in a script: at every probed layer, {@code measure} turns the probe and the
 * layer into one measurement named {@code name}. Its identity is its name and its source text (the
 * function itself is code), so editing the code changes the cache key and running it again does not.
 */
public record Custom(String name, String source, BiFunction<Probe, Layer, Measurement> measure) implements Observable {
    @Override
    public String key() {
        return name;
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.FEATURES, Need.PREDICTIONS);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() ? Set.of() : Set.of(name);
    }

    @Override
    public Measurements atLayer(Probe probe, Layer layer) {
        Measurement m = measure.apply(probe, layer);
        return m == null ? new Measurements() : new Measurements().put(name, m);
    }
}
