package netlens.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a plan: a single experiment is one point; variants and sweeps are many. The label
 * names it in reports ("" for a single run); axes give its value on every variant or sweep axis, in
 * the plan's order; key is its address in the point cache (null: never cached).
 */
public record Point(String label, Map<String, String> axes, String key, Experiment experiment) {
    public Point {
        axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }
}
