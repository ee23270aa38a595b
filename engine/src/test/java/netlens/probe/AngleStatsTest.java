package netlens.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Circular statistics against their closed forms. */
class AngleStatsTest {
    @Test
    void symmetricPairsHaveTheirBisectorAsMeanAndAKnownSpread() {
        double centre = Math.toRadians(120), delta = Math.toRadians(20);
        float[] xy = new float[8];
        int[] labels = {0, 0, 1, 1};
        double[] angles = {centre - delta, centre + delta, -Math.PI / 2, -Math.PI / 2};
        for (int i = 0; i < 4; i++) {
            double r = 1 + i;                                     // the radius does not matter
            xy[2 * i] = (float) (r * Math.cos(angles[i]));
            xy[2 * i + 1] = (float) (r * Math.sin(angles[i]));
        }
        AngleStats s = AngleStats.of(xy, labels, 2);
        assertEquals(centre, s.mean()[0], 1e-6);
        assertEquals(Math.sqrt(-2 * Math.log(Math.cos(delta))), s.std()[0], 1e-6);   // R = cos δ
        assertEquals(-Math.PI / 2, s.mean()[1], 1e-6);
        assertEquals(0, s.std()[1], 1e-3);
    }

    @Test
    void pointsAtTheOriginHaveNoDirection() {
        AngleStats s = AngleStats.of(new float[] {0, 0, 0, 0}, new int[] {0, 0}, 1);
        assertEquals(Double.NaN, s.mean()[0]);
    }
}
