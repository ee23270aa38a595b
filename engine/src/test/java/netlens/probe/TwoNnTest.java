package netlens.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import netlens.linalg.Backend;
import netlens.linalg.RandomMatrices;
import org.junit.jupiter.api.Test;

/** TwoNN on point clouds of known intrinsic dimension, linearly embedded in a larger space. */
class TwoNnTest {
    /** n points with the given intrinsic coordinates, rotated into D dimensions and offset from the origin. */
    private static float[] embed(double[][] intrinsic, int bigD, long seed) {
        Random r = new Random(seed);
        double[] q = RandomMatrices.orthogonal(bigD, r);
        int n = intrinsic.length, d = intrinsic[0].length;
        float[] x = new float[n * bigD];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < bigD; j++) {
                double s = 40;                                   // a far offset: distances must survive it
                for (int a = 0; a < d; a++) s += q[j * bigD + a] * intrinsic[i][a];
                x[i * bigD + j] = (float) s;
            }
        return x;
    }

    @Test
    void aThreeDimensionalCubeInTwentyDimensionsHasDimensionThree() {
        Random r = new Random(1);
        double[][] cube = new double[2500][3];
        for (double[] p : cube) for (int a = 0; a < 3; a++) p[a] = r.nextDouble();
        TwoNn.Estimate e = TwoNn.estimate(embed(cube, 20, 2), 2500, 20, Backend.blas(), 1);
        assertEquals(3, e.fit(), 0.25);
        assertEquals(3, e.mle(), 0.3);
        assertTrue(e.fitError() > 0 && e.fitError() < 0.2, "error bar " + e.fitError());
        assertEquals(0, e.dropped());
    }

    @Test
    void aSphereInTenDimensionsHasDimensionTwo() {
        Random r = new Random(3);
        double[][] sphere = new double[2000][3];
        for (double[] p : sphere) {
            double norm = 0;
            for (int a = 0; a < 3; a++) norm += (p[a] = r.nextGaussian()) * p[a];
            for (int a = 0; a < 3; a++) p[a] /= Math.sqrt(norm);
        }
        TwoNn.Estimate e = TwoNn.estimate(embed(sphere, 10, 4), 2000, 10, Backend.blas(), 1);
        assertEquals(2, e.fit(), 0.2);
        assertEquals(2, e.mle(), 0.25);
    }

    @Test
    void duplicatesAreDroppedNotCountedAsDimensionZero() {
        Random r = new Random(5);
        double[][] plane = new double[1200][2];
        for (double[] p : plane) for (int a = 0; a < 2; a++) p[a] = r.nextDouble();
        for (int i = 0; i < 100; i++) plane[1100 + i] = plane[i].clone();     // 100 exact copies
        float[] x = embed(plane, 6, 6);
        // Brute force: a point is dropped when its nearest distance is 0 (a copy) or equals the
        // second nearest (a point whose neighbour has a copy sees both at once).
        int want = 0;
        for (int i = 0; i < 1200; i++) {
            double r1 = Double.POSITIVE_INFINITY, r2 = Double.POSITIVE_INFINITY;
            for (int j = 0; j < 1200; j++) {
                if (j == i) continue;
                double s = 0;
                for (int a = 0; a < 6; a++) s += Math.pow((double) x[i * 6 + a] - x[j * 6 + a], 2);
                double dist = Math.sqrt(s);
                if (dist < r1) { r2 = r1; r1 = dist; } else if (dist < r2) r2 = dist;
            }
            if (r1 == 0 || r2 == r1) want++;
        }
        TwoNn.Estimate e = TwoNn.estimate(x, 1200, 6, Backend.blas(), 1);
        assertTrue(want >= 200, "every copy is dropped");
        assertEquals(want, e.dropped());
        assertEquals(2, e.fit(), 0.25);
    }

    @Test
    void theMaximumLikelihoodEstimateIsTheClosedForm() {
        double[] mu = {1.5, 2.0, 1.1, 3.0};
        double s = Math.log(1.5) + Math.log(2.0) + Math.log(1.1) + Math.log(3.0);
        assertEquals(3 / s, TwoNn.mle(mu), 1e-12);
    }
}
