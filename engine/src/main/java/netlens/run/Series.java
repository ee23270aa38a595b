package netlens.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import netlens.data.DataSpec;
import netlens.data.Regime;
import netlens.kernel.Baseline;

/**
 * One learning curve of a sweep: the network's test error at one setting of the axes other than p
 * and seed, or a baseline's (a baseline whose kernel does not depend on training has one curve for
 * all settings, with an empty setting).
 */
public record Series(Map<String, String> setting, Baseline baseline) {
    /** The axes that index points along a curve rather than pick one. */
    public static final String SIZE = "p", SEED = "seed";

    public Series {
        setting = Collections.unmodifiableMap(new LinkedHashMap<>(setting));
    }

    /** The setting of a point: its axes other than p and seed, by name. */
    public static Map<String, String> settingOf(Map<String, String> axes) {
        return axes.entrySet().stream().filter(a -> !a.getKey().equals(SIZE) && !a.getKey().equals(SEED))
                .sorted(Map.Entry.comparingByKey())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    public static Series network(Map<String, String> setting) {
        return new Series(setting, null);
    }

    public static Series of(Baseline baseline, Map<String, String> setting) {
        return new Series(baseline.dependsOnTraining() ? setting : Map.of(), baseline);
    }

    /** "regime=lazy", "svm_ntk_init", "regime=feature · svm_ntk_final"; "network" for the network with no setting. */
    public String label() {
        String s = setting.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        if (baseline == null) return s.isEmpty() ? "network" : s;
        return s.isEmpty() ? baseline.key() : s + " · " + baseline.key();
    }

    /** The exponent the data model predicts for this curve's regime, or NaN. */
    public double predictedExponent(DataSpec data) {
        Regime regime = baseline != null ? baseline.regime() : Regime.of(setting.getOrDefault(Regime.AXIS, ""));
        return regime == null ? Double.NaN : data.predictedExponent(regime);
    }
}
