package netlens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The stripe and sphere models against their definitions, by Monte Carlo. */
class GaussianBinarySpecTest {
    private static final int N = 100_000;    // the label fraction's standard error is 0.0016

    private static double positiveFraction(GaussianBinarySpec.Model model, int d) {
        Dataset test = new GaussianBinarySpec(model, d, 2, N).load(null, 4).test();
        double positives = 0;
        for (int y : test.labels()) positives += y;
        return positives / N;
    }

    /** (a, b) = (−0.3, 1.18549) is chosen so that Φ(b) − Φ(a) = 0.88209 − 0.38209 = 1/2. */
    @Test
    void stripeLabelsAreBalancedAndDependOnTheFirstCoordinateOnly() {
        assertEquals(0.5, positiveFraction(GaussianBinarySpec.Model.STRIPE, 5), 0.006);
        Dataset train = new GaussianBinarySpec(GaussianBinarySpec.Model.STRIPE, 5, 2000, 0).load(null, 9).train();
        for (int i = 0; i < train.size(); i++) {
            float x1 = train.features()[i * 5];
            assertEquals(x1 > -0.3 && x1 < 1.18549 ? 1 : 0, train.labels()[i], "sample " + i + ", x1 = " + x1);
        }
    }

    /** The threshold d(1 − 2/(9d))³ is the Wilson–Hilferty median of χ²_d: half the points lie outside it, in any d. */
    @Test
    void sphereLabelsSplitAtTheMedianRadius() {
        for (int d : new int[] {2, 5, 20}) assertEquals(0.5, positiveFraction(GaussianBinarySpec.Model.SPHERE, d), 0.006, "d = " + d);
    }

    /** Learning curves compare nested training sets: the first p samples of a larger draw, and one test set. */
    @Test
    void smallerTrainingSetsArePrefixesOfLargerOnes() {
        GaussianBinarySpec big = new GaussianBinarySpec(GaussianBinarySpec.Model.SPHERE, 5, 512, 300);
        Split a = big.withP(64).load(null, 7), b = big.load(null, 7);
        float[] prefix = java.util.Arrays.copyOf(b.train().features(), 64 * 5);
        assertArrayEquals(prefix, a.train().features());
        assertArrayEquals(b.test().features(), a.test().features());
        assertArrayEquals(b.test().labels(), a.test().labels());
    }
}
