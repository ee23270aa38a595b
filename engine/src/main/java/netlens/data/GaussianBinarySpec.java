package netlens.data;

import java.util.List;
import netlens.util.Rng;

/**
 * Binary tasks on Gaussian inputs x ~ N(0, I_d) (docs/definitions.md §1), with p training and pTest
 * test samples drawn from independent streams. Class 1 is y = +1, class 0 is y = −1.
 * <ul>
 *   <li>STRIPE: y = +1 if a < x₁ < b, (a, b) = (−0.3, 1.18549), so P(y = +1) = 1/2; only x₁ matters.</li>
 *   <li>SPHERE: y = +1 if ‖x‖² > d(1 − 2/(9d))³, the Wilson–Hilferty median of χ²_d; rotation invariant.</li>
 * </ul>
 */
public record GaussianBinarySpec(Model model, int d, int p, int pTest) implements DataSpec {
    public enum Model { STRIPE, SPHERE }

    public static final double STRIPE_LOW = -0.3, STRIPE_HIGH = 1.18549;

    public GaussianBinarySpec {
        if (d < 1) throw new IllegalArgumentException("d must be >= 1, got " + d);
        if (p < 2) throw new IllegalArgumentException("p must be >= 2, got " + p);
        if (pTest < 0) throw new IllegalArgumentException("pTest must be >= 0, got " + pTest);
    }

    /** The same task with p training samples (for learning curves). */
    public GaussianBinarySpec withP(int trainSize) {
        return new GaussianBinarySpec(model, d, trainSize, pTest);
    }

    /**
     * The stripe model's exponents (Paccolat, Petrini, Geiger, Tyloo & Wyart 2021; Petrini, Geiger,
     * Paccolat & Wyart 2022): β_lazy = d/(3d − 2) for the lazy regime and kernel methods on its NTK,
     * β_feature = (2d − 1)/(3d − 2) when the network learns to ignore x⊥. None is given for the sphere.
     */
    @Override
    public double predictedExponent(Regime regime) {
        if (model != Model.STRIPE) return Double.NaN;
        return regime == Regime.LAZY ? (double) d / (3 * d - 2) : (2.0 * d - 1) / (3 * d - 2);
    }

    @Override
    public int classCount() {
        return 2;
    }

    @Override
    public int inputs() {
        return d;
    }

    @Override
    public String describe() {
        return (model == Model.STRIPE ? "stripe" : "sphere") + " model, d = " + d + ", p = " + p + " train, " + pTest + " test";
    }

    @Override
    public Split load(DataStore store, long seed) {
        List<String> names = List.of("-1", "+1");
        String tag = model.name().toLowerCase();
        return new Split(sample(p, Rng.stream(seed, tag + "-train"), names, tag + " train"),
                sample(pTest, Rng.stream(seed, tag + "-test"), names, tag + " test"), List.of());
    }

    /** The label of x: 1 for y = +1, 0 for y = −1. */
    public int label(double[] x) {
        if (model == Model.STRIPE) return x[0] > STRIPE_LOW && x[0] < STRIPE_HIGH ? 1 : 0;
        double r2 = 0;
        for (double v : x) r2 += v * v;
        return r2 > d * Math.pow(1 - 2.0 / (9 * d), 3) ? 1 : 0;
    }

    private Dataset sample(int n, Rng rng, List<String> names, String name) {
        float[] x = new float[n * d];
        int[] y = new int[n];
        double[] point = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) x[i * d + j] = (float) (point[j] = rng.gaussian());
            y[i] = label(point);
        }
        return new Dataset(name, x, y, d, names);
    }
}
