package netlens.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeparationTest {
    @Test
    void anExactlyGeometricDecayHasItsRatioAndPerfectCorrelation() {
        int[] l = {1, 2, 3, 4, 5};
        double[] d = new double[5];
        for (int i = 0; i < 5; i++) d[i] = 5 * Math.pow(0.5, l[i]);
        Separation s = Separation.fit(l, d);
        assertEquals(Math.log(0.5), s.slope(), 1e-12);
        assertEquals(Math.log(5), s.intercept(), 1e-12);
        assertEquals(-1, s.pearsonR(), 1e-12);
        assertEquals(0.5, s.ratio(), 1e-12);
    }

    @Test
    void noisyDecayHasRBelowOneInMagnitude() {
        Separation s = Separation.fit(new int[] {1, 2, 3, 4}, new double[] {10, 3, 2, 0.4});
        assertEquals(true, s.pearsonR() < -0.9 && s.pearsonR() > -1);
    }
}
