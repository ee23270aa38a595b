package netlens.data;

import java.util.ArrayList;
import java.util.List;
import netlens.util.Rng;

/**
 * K interleaved 2-D spirals. Class k has points at radius r = linspace(2, 20, n) (divided by 20 when
 * normalised, so r ∈ [0.1, 1]) and angle θ = linspace(k·2π/K, k·2π/K + turns·2π, n) plus uniform
 * angular noise in ±noise radians, which displaces points in proportion to r. The default
 * turns = 4/K is the sweep of the spiralNet study: each arm covers four class spacings.
 */
public record SpiralSpec(int classes, int trainPerClass, int testPerClass, double turns, double noise, boolean normalise)
        implements DataSpec {
    public SpiralSpec {
        if (classes < 2) throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        if (trainPerClass < 2) throw new IllegalArgumentException("trainPerClass must be >= 2, got " + trainPerClass);
        if (testPerClass < 0) throw new IllegalArgumentException("testPerClass must be >= 0, got " + testPerClass);
        if (Double.isNaN(turns)) turns = 4.0 / classes;
        if (!(turns > 0) || Double.isInfinite(turns)) throw new IllegalArgumentException("turns must be > 0, got " + turns);
        if (!(noise >= 0) || Double.isInfinite(noise)) throw new IllegalArgumentException("noise must be >= 0, got " + noise);
    }

    @Override
    public int classCount() {
        return classes;
    }

    @Override
    public int inputs() {
        return 2;
    }

    @Override
    public String describe() {
        return classes + " spirals, " + trainPerClass + "/class train, " + testPerClass + "/class test, "
                + String.format(java.util.Locale.ROOT, "%.3g", turns) + " turns, noise " + noise + " rad" + (normalise ? "" : ", radius 2..20");
    }

    @Override
    public Split load(DataStore store, long seed) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) names.add("arm " + k);
        Dataset train = generate(trainPerClass, Rng.stream(seed, "spirals-train"), names, "spirals train");
        Dataset test = generate(Math.max(testPerClass, 0), Rng.stream(seed, "spirals-test"), names, "spirals test");
        return new Split(train, test, List.of());
    }

    private Dataset generate(int n, Rng rng, List<String> names, String name) {
        float[] x = new float[2 * n * classes];
        int[] y = new int[n * classes];
        double scale = normalise ? 1.0 / 20 : 1.0;
        int i = 0;
        for (int k = 0; k < classes; k++) {
            double start = k * 2 * Math.PI / classes;
            for (int j = 0; j < n; j++, i++) {
                double t = n == 1 ? 0 : (double) j / (n - 1);
                double r = (2 + 18 * t) * scale;
                double theta = start + turns * 2 * Math.PI * t + rng.uniform(-noise, noise);
                x[2 * i] = (float) (r * Math.cos(theta));
                x[2 * i + 1] = (float) (r * Math.sin(theta));
                y[i] = k;
            }
        }
        return new Dataset(name, x, y, 2, names);
    }

    /** Radius and angle of the noiseless point j of class k, for tests and figures. */
    public double[] polar(int k, int j, int n) {
        double t = n == 1 ? 0 : (double) j / (n - 1);
        return new double[] {(2 + 18 * t) * (normalise ? 1.0 / 20 : 1.0), k * 2 * Math.PI / classes + turns * 2 * Math.PI * t};
    }
}
