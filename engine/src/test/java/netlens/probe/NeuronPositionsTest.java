package netlens.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netlens.data.Dataset;
import netlens.data.GaussianBinarySpec;
import netlens.linalg.Matrix;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.nn.Parameterisation;
import org.junit.jupiter.api.Test;

/** Neuron positions against the geometry of their hyperplanes, and attractors on hand-built networks. */
class NeuronPositionsTest {
    private static Mlp oneHidden(int d, int h, long seed) {
        return Mlp.initialise(new MlpSpec(d, new int[] {h}, 1, Activation.RELU, true, Init.PYTORCH, Parameterisation.MEAN_FIELD, Double.NaN), seed);
    }

    /** zₙ is the point of the hyperplane s·wₙ·x + bₙ = 0 nearest the origin: on it, and along wₙ. */
    @Test
    void positionsAreTheHyperplanesNearestPointsToTheOrigin() {
        int d = 5, h = 30;
        Mlp net = oneHidden(d, h, 3);
        Dataset data = new GaussianBinarySpec(GaussianBinarySpec.Model.SPHERE, d, 50, 0).load(null, 1).train();
        NeuronPositions pos = NeuronPositions.of(net, data);
        Matrix w = net.weight(1), b = net.bias(net.params(), 1);
        double s = 1 / Math.sqrt(d);
        for (int n = 0; n < h; n++) {
            double onPlane = b.get(0, n), wz = 0, ww = 0, zz = 0;
            for (int j = 0; j < d; j++) {
                double z = pos.z()[n * d + j];
                onPlane += s * w.get(n, j) * z;
                wz += w.get(n, j) * z;
                ww += (double) w.get(n, j) * w.get(n, j);
                zz += z * z;
            }
            assertEquals(0, onPlane, 1e-5 * (1 + Math.abs(b.get(0, n))), "neuron " + n + " off its hyperplane");
            assertEquals(Math.sqrt(ww * zz), Math.abs(wz), 1e-4 * Math.sqrt(ww * zz) + 1e-9, "neuron " + n + " not along w");
            assertEquals(b.get(0, n) >= 0 ? 1 : -1, pos.biasSign()[n]);
        }
    }

    /**
     * Four neurons in the plane: two on the same hyperplane x₁ = 1 (one a rescaled copy of the
     * other), one on x₂ = 0, and one more on x₁ = −1 whose output weight is below a tenth of the
     * largest. The kept ones make two attractors; giving the fourth a real weight makes three.
     */
    @Test
    void neuronsActiveOnTheSameTrainingPointsFormOneAttractor() {
        Mlp net = oneHidden(2, 4, 1);
        float s = (float) (1 / Math.sqrt(2));
        float[][] w = {{1, 0}, {2, 0}, {0, 1}, {1, 0}};
        float[] b = {-s, -2 * s, 0, s};
        Matrix wm = net.weight(1), bm = net.bias(net.params(), 1), beta = net.weight(2);
        for (int n = 0; n < 4; n++) {
            wm.set(n, 0, w[n][0]);
            wm.set(n, 1, w[n][1]);
            bm.set(0, n, b[n]);
            beta.set(0, n, n == 3 ? 0.05f : 1f);
        }
        float[] grid = new float[2 * 49];
        for (int i = 0; i < 7; i++)
            for (int j = 0; j < 7; j++) {
                grid[2 * (7 * i + j)] = -3 + i + 0.5f;      // no point on a hyperplane
                grid[2 * (7 * i + j) + 1] = -3 + j + 0.5f;
            }
        Dataset data = new Dataset("grid", grid, new int[49], 2, List.of("a"));
        NeuronPositions pos = NeuronPositions.of(net, data);
        assertEquals(3, pos.keptCount());
        assertEquals(2, pos.attractors());
        assertEquals(1f, pos.z()[0], 1e-6f);                    // x₁ = 1
        assertEquals(-1f, pos.z()[6], 1e-6f);                   // x₁ = −1

        beta.set(0, 3, 1f);
        assertEquals(3, NeuronPositions.of(net, data).attractors());
    }
}
