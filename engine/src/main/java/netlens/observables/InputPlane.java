package netlens.observables;

import java.util.List;
import java.util.Set;
import netlens.data.Dataset;
import netlens.nn.Mlp;
import netlens.observe.Measurement;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;

/**
 * What a network does to its 2-D input plane: the class it predicts on a {@code resolution}² grid
 * ("decision_regions", rows = y, columns = x), and where the map into the last 2-unit hidden layer
 * sends a coarse {@value #FIELD}² grid ("field", one row (u, v) per point, y outer, x inner). Both
 * grids cover the square holding the training data with a 10 % margin; their coordinates along
 * each axis are "decision_axis" and "field_axis".
 */
public record InputPlane(int resolution) implements Observable {
    /** Points per side of the vector-field grid. */
    public static final int FIELD = 17;

    public InputPlane {
        if (resolution < 2) throw new IllegalArgumentException("decision-region resolution must be >= 2, got " + resolution);
    }

    @Override
    public String key() {
        return "input_plane";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.INPUTS);
    }

    @Override
    public Set<String> produces(Site site) {
        if (!site.network() || site.widths()[0] != 2) return Set.of();
        for (int l = 1; l < site.layers(); l++) if (site.widths()[l] == 2) return Set.of("decision_regions", "decision_axis", "field", "field_axis");
        return Set.of("decision_regions", "decision_axis");
    }

    @Override
    public Measurements atProbe(Probe probe) {
        Mlp net = probe.network();
        if (net.width(0) != 2) return new Measurements();
        double extent = 0;
        for (float v : probe.sample().features()) extent = Math.max(extent, Math.abs(v));
        double min = -1.1 * extent, max = 1.1 * extent;
        List<String> classes = probe.sample().classNames();
        int[] predicted = probe.run(grid(min, max, resolution, classes)).predictions();
        float[] regions = new float[predicted.length];
        for (int i = 0; i < predicted.length; i++) regions[i] = predicted[i];
        Measurements out = new Measurements().put("decision_regions", new Measurement.Matrix(resolution, resolution, regions))
                .put("decision_axis", new Measurement.Vector(axis(min, max, resolution)));
        int bottleneck = -1;
        for (int l = 1; l < net.layers(); l++) if (net.width(l) == 2) bottleneck = l;
        if (bottleneck < 0) return out;
        float[] field = probe.run(grid(min, max, FIELD, classes)).features()[bottleneck];
        return out.put("field", new Measurement.Matrix(FIELD * FIELD, 2, field)).put("field_axis", new Measurement.Vector(axis(min, max, FIELD)));
    }

    /** n evenly spaced coordinates from min to max. */
    private static double[] axis(double min, double max, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = min + (max - min) * i / (n - 1);
        return a;
    }

    private static Dataset grid(double min, double max, int n, List<String> classNames) {
        float[] x = new float[2 * n * n];
        for (int iy = 0; iy < n; iy++)
            for (int ix = 0; ix < n; ix++) {
                x[2 * (iy * n + ix)] = (float) (min + (max - min) * ix / (n - 1));
                x[2 * (iy * n + ix) + 1] = (float) (min + (max - min) * iy / (n - 1));
            }
        return new Dataset("grid", x, new int[n * n], 2, classNames);
    }
}
