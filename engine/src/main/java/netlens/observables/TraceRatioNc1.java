package netlens.observables;

import java.util.Set;
import netlens.observe.Layer;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;

/**
 * NC1 as the trace ratio Tr Σ_W / Tr Σ_B (Tirer, Huang & Niles-Weed 2023; the kernel NC1 of
 * Kothapalli & Tirer 2024), "nc1_trace_ratio", with netlens's weights: Tr Σ_W = (1/N) Σᵢ ‖hᵢ − μ_c(i)‖²
 * over samples, Tr Σ_B = (1/K) Σ_c ‖μ_c − μ_G‖² over classes, μ_G = (1/K) Σ_c μ_c. Unlike
 * Tr(Σ_W Σ_B⁺)/K it weighs every direction of the within-class spread, not only those the class
 * means span (with two classes, one). Two passes over the features, O(N·D), no covariance matrix.
 */
public record TraceRatioNc1() implements Observable {
    @Override
    public String key() {
        return "nc1_trace_ratio";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.FEATURES);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() ? Set.of() : Set.of("nc1_trace_ratio");
    }

    @Override
    public Measurements atLayer(Probe probe, Layer layer) {
        return new Measurements().put("nc1_trace_ratio", of(layer.features(), layer.width(), layer.labels(), layer.classes()));
    }

    /** Tr Σ_W / Tr Σ_B of n = labels.length samples of dimension d (row-major), over the classes present. */
    public static double of(float[] h, int d, int[] labels, int classes) {
        int n = labels.length;
        int[] count = new int[classes];
        double[] means = new double[classes * d];
        for (int i = 0; i < n; i++) {
            count[labels[i]]++;
            for (int j = 0; j < d; j++) means[labels[i] * d + j] += h[i * d + j];
        }
        int present = 0;
        double[] centre = new double[d];
        for (int c = 0; c < classes; c++) {
            if (count[c] == 0) continue;
            present++;
            for (int j = 0; j < d; j++) centre[j] += means[c * d + j] /= count[c];
        }
        if (present < 2) return Double.NaN;
        double within = 0, between = 0;
        for (int i = 0; i < n; i++)                        // second pass: deviations from the class mean, no cancellation
            for (int j = 0; j < d; j++) {
                double v = h[i * d + j] - means[labels[i] * d + j];
                within += v * v;
            }
        for (int c = 0; c < classes; c++) {
            if (count[c] == 0) continue;
            for (int j = 0; j < d; j++) {
                double v = means[c * d + j] - centre[j] / present;
                between += v * v;
            }
        }
        return (within / n) / (between / present);
    }
}
