package netlens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The spiral generator against its definition in docs/definitions.md §1. */
class SpiralSpecTest {
    @Test
    void noiselessPointsLieOnTheArchimedeanArms() {
        int k = 5, n = 40;
        SpiralSpec spec = new SpiralSpec(k, n, 0, Double.NaN, 0, true);
        Dataset d = spec.load(null, 1).train();
        assertArrayEquals(new int[] {n, n, n, n, n}, d.classCounts());
        for (int i = 0; i < d.size(); i++) {
            int c = d.labels()[i], j = i - c * n;
            double x = d.features()[2 * i], y = d.features()[2 * i + 1];
            double r = (2 + 18.0 * j / (n - 1)) / 20;                       // r = linspace(2, 20)/20
            double theta = c * 2 * Math.PI / k + (4.0 / k) * 2 * Math.PI * j / (n - 1);   // default sweep 4/K turns
            assertEquals(r, Math.hypot(x, y), 1e-6);
            assertEquals(r * Math.cos(theta), x, 1e-6);
            assertEquals(r * Math.sin(theta), y, 1e-6);
        }
    }

    @Test
    void armsAreRotatedCopiesOfEachOther() {
        int k = 3, n = 25;
        Dataset d = new SpiralSpec(k, n, 0, 1.5, 0, false).load(null, 1).train();
        double rot = 2 * Math.PI / k;
        for (int j = 0; j < n; j++) {
            double x0 = d.features()[2 * j], y0 = d.features()[2 * j + 1];
            int i1 = n + j;
            assertEquals(x0 * Math.cos(rot) - y0 * Math.sin(rot), d.features()[2 * i1], 1e-4);
            assertEquals(x0 * Math.sin(rot) + y0 * Math.cos(rot), d.features()[2 * i1 + 1], 1e-4);
        }
    }

    @Test
    void noiseMovesPointsAlongTheirCircleByAtMostTheNoiseAngle() {
        double noise = 0.2;
        Dataset clean = new SpiralSpec(4, 30, 0, Double.NaN, 0, true).load(null, 9).train();
        Dataset noisy = new SpiralSpec(4, 30, 0, Double.NaN, noise, true).load(null, 9).train();
        for (int i = 0; i < clean.size(); i++) {
            double a0 = Math.atan2(clean.features()[2 * i + 1], clean.features()[2 * i]);
            double a1 = Math.atan2(noisy.features()[2 * i + 1], noisy.features()[2 * i]);
            double diff = Math.abs(Math.IEEEremainder(a1 - a0, 2 * Math.PI));
            assertEquals(Math.hypot(clean.features()[2 * i], clean.features()[2 * i + 1]),
                    Math.hypot(noisy.features()[2 * i], noisy.features()[2 * i + 1]), 1e-6);
            org.junit.jupiter.api.Assertions.assertTrue(diff <= noise + 1e-6);
        }
    }
}
