package netlens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSpecTest {
    @Test
    void aClassSubsetIsRelabelledInTheGivenOrderWithExactCounts() {
        Split s = new ImageSpec(ImageCollection.MNIST, new int[] {7, 2}, 100, 30, Scale.UNIT).load(TestData.store(), 1);
        assertEquals(List.of("7", "2"), s.train().classNames());
        assertArrayEquals(new int[] {100, 100}, s.train().classCounts());
        assertArrayEquals(new int[] {30, 30}, s.test().classCounts());
        assertEquals(784, s.train().dim());
        for (float v : s.train().features()) assertTrue(v >= 0 && v <= 1);
        assertEquals(4, s.files().size());
    }

    @Test
    void allSamplesOfAClassWhenCountIsZero() {
        Split s = new ImageSpec(ImageCollection.FASHION_MNIST, new int[] {0, 9}, 0, 0, Scale.RAW).load(TestData.store(), 1);
        assertArrayEquals(new int[] {6000, 6000}, s.train().classCounts());
        assertArrayEquals(new int[] {1000, 1000}, s.test().classCounts());
        assertEquals(List.of("T-shirt/top", "Ankle boot"), s.train().classNames());
    }

    @Test
    void theSeedPicksTheSubsetReproducibly() {
        ImageSpec spec = new ImageSpec(ImageCollection.MNIST, new int[] {0, 1}, 50, 10, Scale.UNIT);
        Split a = spec.load(TestData.store(), 3), b = spec.load(TestData.store(), 3), c = spec.load(TestData.store(), 4);
        assertArrayEquals(a.train().features(), b.train().features());
        assertTrue(!java.util.Arrays.equals(a.train().features(), c.train().features()));
    }

    @Test
    void standardScalingGivesTheTrainingPixelsZeroMeanAndUnitVariance() {
        Split s = new ImageSpec(ImageCollection.MNIST, new int[] {3, 5}, 200, 10, Scale.STANDARD).load(TestData.store(), 1);
        double sum = 0, sq = 0;
        for (float v : s.train().features()) {
            sum += v;
            sq += v * v;
        }
        int n = s.train().features().length;
        assertEquals(0, sum / n, 1e-4);
        assertEquals(1, sq / n, 1e-3);
    }

    /**
     * Shuffled labels are a permutation of the true ones over the same images; with two balanced
     * classes a label agrees with its image's class with probability 1/2, so over n = 1000 samples
     * the agreement is 0.5 ± 0.016 (one standard deviation): 5σ bounds it.
     */
    @Test
    void randomLabelsPermuteTheTrainingLabelsOnly() {
        ImageSpec spec = new ImageSpec(ImageCollection.MNIST, new int[] {0, 1}, 500, 100, Scale.UNIT);
        ImageSpec shuffled = new ImageSpec(ImageCollection.MNIST, new int[] {0, 1}, 500, 100, Scale.UNIT, true);
        Split a = spec.load(TestData.store(), 2), b = shuffled.load(TestData.store(), 2);
        assertArrayEquals(a.train().features(), b.train().features());
        assertArrayEquals(a.train().classCounts(), b.train().classCounts());
        assertArrayEquals(a.test().labels(), b.test().labels());
        int agree = 0, n = a.train().size();
        for (int i = 0; i < n; i++) if (a.train().labels()[i] == b.train().labels()[i]) agree++;
        assertEquals(0.5, agree / (double) n, 5 * Math.sqrt(0.25 / n));
        assertTrue(shuffled.describe().contains("shuffled"), shuffled.describe());
    }

    @Test
    void invalidRequestsNameTheKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ImageSpec(ImageCollection.MNIST, new int[] {0, 11}, 0, 0, Scale.UNIT))
                .getMessage().contains("classes: 11"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ImageSpec(ImageCollection.MNIST, new int[] {1, 1}, 0, 0, Scale.UNIT))
                .getMessage().contains("twice"));
        ImageSpec tooMany = new ImageSpec(ImageCollection.MNIST, new int[] {0, 1}, 7000, 0, Scale.UNIT);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> tooMany.load(TestData.store(), 1)).getMessage().contains("trainPerClass"));
    }
}
