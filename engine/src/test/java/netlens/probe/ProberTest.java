package netlens.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netlens.data.Split;
import netlens.data.SpiralSpec;
import netlens.linalg.Backend;
import netlens.linalg.Matrix;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import org.junit.jupiter.api.Test;

/** A probe's bookkeeping against quantities computed here from the network itself. */
class ProberTest {
    private static final Split DATA = new SpiralSpec(3, 80, 30, Double.NaN, 0.05, true).load(null, 1);
    private static final MlpSpec SPEC = new MlpSpec(2, new int[] {16, 8}, 3, Activation.TANH, true, Init.PYTORCH);

    @Test
    void weightMovementIsTheRelativeDistanceFromTheInitialParameters() {
        Mlp net = Mlp.initialise(SPEC, 1);
        try (Prober prober = new Prober(Backend.blas(), ProbeConfig.all(1, 1000), DATA.train(), DATA.test(), 1)) {
            prober.probe(0, net);
            Mlp moved = net.copy();
            Matrix w2 = moved.weight(2);
            double diff = 0, base = 0;
            for (int i = 0; i < w2.rows; i++)
                for (int j = 0; j < w2.cols; j++) {
                    base += Math.pow(w2.get(i, j), 2);
                    w2.set(i, j, w2.get(i, j) * 1.5f);
                    diff += Math.pow(w2.get(i, j) / 1.5f * 0.5f, 2);
                }
            for (int j = 0; j < 8; j++) base += Math.pow(moved.bias(moved.params(), 2).get(0, j), 2);
            ProbeResult r = prober.probe(1, moved);
            assertEquals(Math.sqrt(diff / base), r.layer(2).weightMovement(), 1e-6);
            assertEquals(0, r.layer(1).weightMovement(), 0, "layer 1 did not move");
            assertEquals(Double.NaN, r.layer(0).weightMovement(), "the input has no weights");
        }
    }

    @Test
    void ckaOfALayerWithItselfIsOneAndEpochPairsAreAllThere() {
        Mlp net = Mlp.initialise(SPEC, 1);
        try (Prober prober = new Prober(Backend.blas(), ProbeConfig.all(1, 1000), DATA.train(), DATA.test(), 1)) {
            ProbeResult r0 = prober.probe(0, net);
            prober.probe(5, net);
            prober.probe(9, net);
            for (int a = 0; a < r0.layers().size(); a++) assertEquals(1, r0.layerCka()[a][a], 1e-9);
            List<Prober.EpochCka> cka = prober.epochCka();
            assertEquals(3 * 6, cka.size(), "3 layers (input excluded) × 6 epoch pairs (with the diagonal)");
            for (Prober.EpochCka c : cka) assertEquals(1, c.value(), 1e-9, "the same network at every epoch");
        }
    }

    @Test
    void everyRequestedMeasureIsPresent() {
        Mlp net = Mlp.initialise(SPEC, 1);
        try (Prober prober = new Prober(Backend.blas(), ProbeConfig.all(1, 1000), DATA.train(), DATA.test(), 1)) {
            ProbeResult r = prober.probe(0, net);
            assertNotNull(r.separation());
            assertEquals(2, r.separation().layers(), "fitted over the two hidden layers");
            for (LayerProbe lp : r.layers()) {
                assertNotNull(lp.intrinsicDimension());
                assertTrue(lp.linearProbeTrain() >= 0 && lp.linearProbeTest() >= 0);
                assertTrue(lp.nccTestAccuracy() >= 0);
                assertNotNull(lp.spectrum());
                assertEquals(3 * lp.collapse().nc1(), lp.separation(), 1e-12, "D_l = K·NC1");
            }
        }
    }

    @Test
    void decisionRegionsAreTheNetworksPredictionsAtTheGridPoints() {
        ProbeConfig config = new ProbeConfig(1, 1000, null, new Projection.Pca(), false, 0, false, 0, false, false, null, 40, 0, false);
        MlpSpec bottleneck = new MlpSpec(2, new int[] {16, 2}, 3, Activation.TANH, true, Init.PYTORCH);
        Mlp net = Mlp.initialise(bottleneck, 7);
        try (Prober prober = new Prober(Backend.blas(), config, DATA.train(), DATA.test(), 1)) {
            InputMap map = prober.probe(0, net).inputMap();
            assertEquals(40, map.resolution());
            assertEquals(2, map.fieldLayer(), "the field goes into the 2-unit layer");
            try (netlens.linalg.Workers w = new netlens.linalg.Workers(1)) {
                var gemm = new netlens.linalg.Gemm(Backend.blas(), w);
                netlens.nn.Tape tape = new netlens.nn.Tape(net, 1);
                for (int iy = 0; iy < 40; iy += 3)
                    for (int ix = 0; ix < 40; ix += 3) {
                        float[] point = {(float) map.coordinate(ix, 40), (float) map.coordinate(iy, 40)};
                        net.forward(gemm, Matrix.of(1, 2, point), tape);
                        Matrix out = tape.post(net.layers());
                        int best = 0;
                        for (int c = 1; c < 3; c++) if (out.get(0, c) > out.get(0, best)) best = c;
                        assertEquals(best, map.predicted()[iy * 40 + ix], "grid point " + ix + ", " + iy);
                    }
                int n = map.fieldResolution();
                float[] corner = {(float) map.coordinate(n - 1, n), (float) map.coordinate(0, n)};
                net.forward(gemm, Matrix.of(1, 2, corner), tape);
                assertEquals(tape.post(2).get(0, 0), map.field()[2 * (n - 1)], 1e-6);
                assertEquals(tape.post(2).get(0, 1), map.field()[2 * (n - 1) + 1], 1e-6);
            }
        }
    }

    @Test
    void randomProjectionsAreTheSameMapAtEveryEpoch() {
        ProbeConfig config = new ProbeConfig(1, 1000, null, new Projection.Random(), false, 0, false, 0, false, false, null, 0, 0, false);
        Mlp net = Mlp.initialise(SPEC, 1);
        try (Prober a = new Prober(Backend.blas(), config, DATA.train(), DATA.test(), 4);
             Prober b = new Prober(Backend.blas(), config, DATA.train(), DATA.test(), 4)) {
            float[] first = a.probe(0, net).layer(1).coords();
            assertTrue(java.util.Arrays.equals(first, b.probe(3, net).layer(1).coords()));
        }
    }

    @Test
    void umapIsSeededAndEmbedsOnlyItsSubset() {
        ProbeConfig config = new ProbeConfig(1, 1000, null, new Projection.Umap(120, 10, 0.1), false, 0, false, 0, false, false, null, 0, 0, false);
        Mlp net = Mlp.initialise(SPEC, 1);
        float[] one, two;
        try (Prober a = new Prober(Backend.blas(), config, DATA.train(), DATA.test(), 4)) {
            one = a.probe(0, net).layer(0).coords();
        }
        try (Prober b = new Prober(Backend.blas(), config, DATA.train(), DATA.test(), 4)) {
            two = b.probe(0, net).layer(0).coords();
        }
        assertTrue(java.util.Arrays.equals(one, two), "same seed, same picture");
        int embedded = 0;
        for (int i = 0; i < one.length / 2; i++) if (!Float.isNaN(one[2 * i])) embedded++;
        assertEquals(120, embedded, "only the UMAP subset gets coordinates");
    }
}
