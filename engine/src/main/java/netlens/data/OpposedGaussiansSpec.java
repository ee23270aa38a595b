package netlens.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netlens.util.Rng;

/**
 * Two Gaussian classes on either side of the origin along the diagonal, the data of Kothapalli &
 * Tirer's kernel NC1 study (docs/definitions.md §1): class 0 is N(−m·1_d, s² I_d), class 1 is
 * N(+m·1_d, s² I_d), with m = {@code mean} and s = {@code std} (their D₁ and D₂: m = 2, s = 0.5, and
 * the class sizes balanced or not). trainCounts gives each class's training samples; the test set
 * has testPerClass of each.
 */
public record OpposedGaussiansSpec(int d, double mean, double std, int[] trainCounts, int testPerClass) implements DataSpec {
    public OpposedGaussiansSpec {
        if (d < 1) throw new IllegalArgumentException("d must be >= 1, got " + d);
        if (!(mean > 0) || !(std > 0)) throw new IllegalArgumentException("mean and std must be > 0, got " + mean + " and " + std);
        if (trainCounts.length != 2) throw new IllegalArgumentException("two classes, got " + trainCounts.length + " counts");
        for (int n : trainCounts) if (n < 1) throw new IllegalArgumentException("every class needs at least one training sample, got " + Arrays.toString(trainCounts));
        if (testPerClass < 0) throw new IllegalArgumentException("testPerClass must be >= 0, got " + testPerClass);
        trainCounts = trainCounts.clone();
    }

    @Override
    public int[] trainCounts() {
        return trainCounts.clone();
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
        return "two Gaussians at ∓" + mean + "·1, std " + std + ", d = " + d + ", train " + trainCounts[0] + "/" + trainCounts[1] + ", "
                + testPerClass + "/class test";
    }

    @Override
    public Split load(DataStore store, long seed) {
        return new Split(sample(trainCounts, Rng.stream(seed, "opposed-train"), "train"),
                sample(new int[] {testPerClass, testPerClass}, Rng.stream(seed, "opposed-test"), "test"), List.of());
    }

    private Dataset sample(int[] counts, Rng rng, String split) {
        int n = counts[0] + counts[1];
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int c = 0, i = 0; c < 2; c++)
            for (int s = 0; s < counts[c]; s++, i++) {
                y[i] = c;
                for (int j = 0; j < d; j++) x[i * d + j] = (float) ((c == 0 ? -mean : mean) + std * rng.gaussian());
            }
        return new Dataset("opposed Gaussians " + split, x, y, d, new ArrayList<>(List.of("-1", "+1")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpposedGaussiansSpec g && d == g.d && mean == g.mean && std == g.std && Arrays.equals(trainCounts, g.trainCounts)
                && testPerClass == g.testPerClass;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(trainCounts) * 31 + Double.hashCode(mean) * 7 + Double.hashCode(std) + d + 13 * testPerClass;
    }

    @Override
    public String toString() {
        return "OpposedGaussiansSpec[d=" + d + ", mean=" + mean + ", std=" + std + ", trainCounts=" + Arrays.toString(trainCounts)
                + ", testPerClass=" + testPerClass + "]";
    }
}
