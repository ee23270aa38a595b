package netlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** 10-PCA MNIST parity (docs/definitions.md §1) against the raw digits it comes from. */
class PcaImageSpecTest {
    @Test
    void theTopComponentsAreRescaledToMeanSquaredNormDAndLabelledByParity() {
        int d = 10;
        Split pca = new PcaImageSpec(ImageCollection.MNIST, d, 60_000, 10_000).load(TestData.store(), 3);
        Dataset train = pca.train();
        double[] second = new double[d];
        double norm2 = 0;
        for (int i = 0; i < train.size(); i++)
            for (int j = 0; j < d; j++) {
                double v = train.features()[i * d + j];
                second[j] += v * v / train.size();
                norm2 += v * v / train.size();
            }
        assertEquals(d, norm2, 1e-3 * d, "E‖x‖² over the training set");
        for (int j = 1; j < d; j++) assertTrue(second[j] <= second[j - 1] * 1.02, "component " + j + " carries more than " + (j - 1));
        assertTrue(second[0] > 2 * second[d - 1], "the components are principal: their variances fall off");

        Split raw = new ImageSpec(ImageCollection.MNIST, null, 0, 0, Scale.UNIT).load(TestData.store(), 3);
        assertEquals(oddCount(raw.train()), train.classCounts()[1]);
        assertEquals(oddCount(raw.test()), pca.test().classCounts()[1]);
    }

    private static int oddCount(Dataset digits) {
        int odd = 0;
        for (int y : digits.labels()) odd += Integer.parseInt(digits.classNames().get(y)) % 2;
        return odd;
    }
}
