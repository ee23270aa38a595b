package netlens.run;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import netlens.kernel.Baseline;
import netlens.probe.ProbeResult;
import netlens.train.EpochMetrics;
import netlens.train.Trainer;

/**
 * One point of a sweep as kept in the cache: its axes' values, how training ended, the final
 * metrics, the attractor count (when neurons were probed), the baselines' test errors and the NC1
 * of each kernel studied.
 */
public record SweepPoint(String label, Map<String, String> axes, String status, String outcome, int epochs, double trainLoss,
                         double testError, double minMargin, double time, double seconds, double attractors,
                         Map<String, Double> baselines, Map<String, Double> nc1) {
    public SweepPoint {
        axes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes));            // axis order is the sweep's
        baselines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
        nc1 = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nc1));
    }

    public static SweepPoint of(String label, Map<String, String> axes, Results r) {
        EpochMetrics last = r.history().get(r.history().size() - 1);
        ProbeResult probe = r.probes().isEmpty() ? null : r.probes().get(r.probes().size() - 1);
        Map<String, Double> baselines = new java.util.TreeMap<>();            // sorted, as a cached point reads back
        for (Map.Entry<Baseline, Double> b : r.baselines().entrySet()) baselines.put(b.getKey().key(), b.getValue());
        Map<String, Double> nc1 = new java.util.TreeMap<>();
        for (Map.Entry<String, netlens.kernel.KernelCollapse> k : r.collapse().entrySet()) nc1.put(k.getKey(), k.getValue().nc1());
        double seconds = r.timings().loadSeconds() + r.timings().trainSeconds();
        return new SweepPoint(label, axes, r.outcome().status().name().toLowerCase(), r.outcome().message(), last.epoch(),
                last.trainLoss(), 1 - last.testAccuracy(), last.minMargin(), last.time(), seconds,
                probe != null && probe.neurons() != null ? probe.neurons().attractors() : Double.NaN, baselines, nc1);
    }

    /** These results under a plan's label and axes: a cache file keeps no axis order. */
    public SweepPoint labelled(String label, Map<String, String> axes) {
        return new SweepPoint(label, axes, status, outcome, epochs, trainLoss, testError, minMargin, time, seconds, attractors, baselines, nc1);
    }

    public boolean completed() {
        return status.equals(Trainer.Status.COMPLETED.name().toLowerCase());
    }

    public void write(Writer out) throws IOException {
        Properties p = new Properties();
        p.setProperty("label", label);
        for (Map.Entry<String, String> a : axes.entrySet()) p.setProperty("axis." + a.getKey(), a.getValue());
        p.setProperty("status", status);
        p.setProperty("outcome", outcome);
        p.setProperty("epochs", Integer.toString(epochs));
        p.setProperty("train_loss", Double.toString(trainLoss));
        p.setProperty("test_error", Double.toString(testError));
        p.setProperty("min_margin", Double.toString(minMargin));
        p.setProperty("time", Double.toString(time));
        p.setProperty("seconds", Double.toString(seconds));
        p.setProperty("attractors", Double.toString(attractors));
        for (Map.Entry<String, Double> b : baselines.entrySet()) p.setProperty("baseline." + b.getKey(), Double.toString(b.getValue()));
        for (Map.Entry<String, Double> k : nc1.entrySet()) p.setProperty("nc1." + k.getKey(), Double.toString(k.getValue()));
        p.store(out, "netlens sweep point");
    }

    public static SweepPoint read(Reader in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        Map<String, String> axes = new LinkedHashMap<>();
        Map<String, Double> baselines = new java.util.TreeMap<>(), nc1 = new java.util.TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("axis.")) axes.put(k.substring(5), p.getProperty(k));
            if (k.startsWith("baseline.")) baselines.put(k.substring(9), Double.parseDouble(p.getProperty(k)));
            if (k.startsWith("nc1.")) nc1.put(k.substring(4), Double.parseDouble(p.getProperty(k)));
        }
        return new SweepPoint(p.getProperty("label"), axes, p.getProperty("status"), p.getProperty("outcome"),
                Integer.parseInt(p.getProperty("epochs")), Double.parseDouble(p.getProperty("train_loss")),
                Double.parseDouble(p.getProperty("test_error")), Double.parseDouble(p.getProperty("min_margin")),
                Double.parseDouble(p.getProperty("time")), Double.parseDouble(p.getProperty("seconds")),
                Double.parseDouble(p.getProperty("attractors")), baselines, nc1);
    }
}
