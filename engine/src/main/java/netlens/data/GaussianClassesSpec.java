package netlens.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netlens.util.Rng;

/**
 * K Gaussian classes in d dimensions (docs/definitions.md §1): class c is N(μ_c, σ² I_d) with
 * μ_c = (separation/√2) e_c, so every two class means are {@code separation} apart. trainCounts
 * gives each class's training samples (imbalance); the test set has testPerClass of each.
 */
public record GaussianClassesSpec(int d, double separation, double noise, int[] trainCounts, int testPerClass) implements DataSpec {
    public GaussianClassesSpec {
        if (trainCounts.length < 2) throw new IllegalArgumentException("need at least 2 classes, got " + trainCounts.length);
        if (d < trainCounts.length) throw new IllegalArgumentException("d must be >= the number of classes (" + trainCounts.length + "), got " + d);
        if (!(separation >= 0)) throw new IllegalArgumentException("separation must be >= 0, got " + separation);
        if (!(noise > 0)) throw new IllegalArgumentException("noise must be > 0, got " + noise);
        for (int n : trainCounts) if (n < 1) throw new IllegalArgumentException("every class needs at least one training sample, got " + Arrays.toString(trainCounts));
        if (testPerClass < 0) throw new IllegalArgumentException("testPerClass must be >= 0, got " + testPerClass);
        trainCounts = trainCounts.clone();
    }

    @Override
    public int classCount() {
        return trainCounts.length;
    }

    @Override
    public int[] trainCounts() {
        return trainCounts.clone();
    }

    @Override
    public int inputs() {
        return d;
    }

    @Override
    public String describe() {
        return classCount() + " Gaussian classes, d = " + d + ", separation " + separation + ", noise " + noise
                + ", train " + Arrays.toString(trainCounts) + ", " + testPerClass + "/class test";
    }

    @Override
    public Split load(DataStore store, long seed) {
        int[] test = new int[classCount()];
        Arrays.fill(test, testPerClass);
        return new Split(sample(trainCounts, Rng.stream(seed, "classes-train"), "train"),
                sample(test, Rng.stream(seed, "classes-test"), "test"), List.of());
    }

    private Dataset sample(int[] counts, Rng rng, String split) {
        int n = Arrays.stream(counts).sum();
        float[] x = new float[n * d];
        int[] y = new int[n];
        double offset = separation / Math.sqrt(2);
        for (int c = 0, i = 0; c < counts.length; c++)
            for (int s = 0; s < counts[c]; s++, i++) {
                y[i] = c;
                for (int j = 0; j < d; j++) x[i * d + j] = (float) (noise * rng.gaussian() + (j == c ? offset : 0));
            }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) names.add(Integer.toString(c));
        return new Dataset(classCount() + " Gaussian classes " + split, x, y, d, names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianClassesSpec g && d == g.d && separation == g.separation && noise == g.noise
                && Arrays.equals(trainCounts, g.trainCounts) && testPerClass == g.testPerClass;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(trainCounts) * 31 + Double.hashCode(separation) * 7 + Double.hashCode(noise) + d + 13 * testPerClass;
    }

    @Override
    public String toString() {
        return describe();
    }
}
