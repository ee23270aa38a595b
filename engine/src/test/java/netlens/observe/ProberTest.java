package netlens.observe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import netlens.data.SpiralSpec;
import netlens.data.Split;
import netlens.linalg.Backend;
import netlens.linalg.Matrix;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.observables.CkaSimilarity;
import netlens.observables.Collapse;
import netlens.observables.Custom;
import netlens.observables.Embeddings;
import netlens.observables.InputPlane;
import netlens.observables.IntrinsicDimension;
import netlens.observables.LinearProbeAccuracy;
import netlens.observables.PrincipalComponents;
import netlens.observables.Spectrum;
import netlens.observables.WeightMovement;
import netlens.probe.Projection;
import org.junit.jupiter.api.Test;

/** A probe's bookkeeping against quantities computed here from the network itself. */
class ProberTest {
    private static final Split DATA = new SpiralSpec(3, 80, 30, Double.NaN, 0.05, true).load(null, 1);
    private static final MlpSpec SPEC = new MlpSpec(2, new int[] {16, 8}, 3, Activation.TANH, true, Init.PYTORCH);
    private static final List<Observable> ALL = List.of(new PrincipalComponents(), new Embeddings(new Projection.Pca()), new Collapse(),
            new IntrinsicDimension(2000), new LinearProbeAccuracy(), new CkaSimilarity(1000), new WeightMovement(), new Spectrum());

    private static Prober prober(List<Observable> observables, long seed) {
        return new Prober(Backend.blas(), 1, ProbeSchedule.every(1, 1000), observables, DATA.train(), DATA.test(), seed);
    }

    /** Layers prepared in parallel give every measurement exactly as one thread does. */
    @Test
    void aProberOnTwoThreadsMeasuresWhatOneThreadMeasures() {
        Mlp net = Mlp.initialise(SPEC, 1);
        List<String> measured = new java.util.ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            try (Prober prober = new Prober(Backend.blas(), threads, ProbeSchedule.every(1, 1000), ALL, DATA.train(), DATA.test(), 1)) {
                StringBuilder all = new StringBuilder();
                for (Measurements.Entry e : prober.probe(0, net).measured().entries()) {
                    Measurement v = e.value();
                    all.append(e.subject()).append('/').append(e.name()).append('=').append(
                            v instanceof Measurement.Vector x ? java.util.Arrays.toString(x.values())
                                    : v instanceof Measurement.Matrix x ? java.util.Arrays.toString(x.values()) : v.toString()).append('\n');
                }
                measured.add(all.toString());
            }
        }
        assertEquals(measured.get(0), measured.get(1));
    }

    @Test
    void weightMovementIsTheRelativeDistanceFromTheInitialParameters() {
        Mlp net = Mlp.initialise(SPEC, 1);
        try (Prober prober = prober(ALL, 1)) {
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
            Measurements r = prober.probe(1, moved).measured();
            assertEquals(Math.sqrt(diff / base), r.scalar("h2", "weight_movement"), 1e-6);
            assertEquals(0, r.scalar("h1", "weight_movement"), 0, "layer 1 did not move");
            assertFalse(r.has("input", "weight_movement"), "the input has no weights");
        }
    }

    @Test
    void ckaOfALayerWithItselfIsOneAndEpochPairsAreAllThere() {
        Mlp net = Mlp.initialise(SPEC, 1);
        try (Prober prober = prober(ALL, 1)) {
            Measurement.Table layers = prober.probe(0, net).measured().table("", "cka_layers");
            prober.probe(5, net);
            prober.probe(9, net);
            for (List<Object> row : layers.rows()) if (row.get(0).equals(row.get(1))) assertEquals(1, (double) row.get(2), 1e-9);
            assertEquals(4 * 5 / 2, layers.rows().size(), "every pair of the 4 layers, each once");
            Measurement.Table epochs = prober.finish().table("", "cka_epochs");
            assertEquals(3 * 6, epochs.rows().size(), "3 layers (input excluded) × 6 epoch pairs (with the diagonal)");
            for (double c : epochs.numbers("cka")) assertEquals(1, c, 1e-9, "the same network at every epoch");
        }
    }

    @Test
    void everyRequestedMeasureIsPresentAndSeparationIsKTimesNc1() {
        Mlp net = Mlp.initialise(SPEC, 1);
        try (Prober prober = prober(ALL, 1)) {
            Measurements r = prober.probe(0, net).measured();
            assertTrue(Double.isFinite(r.scalar("", "separation_slope")), "fitted over the two hidden layers");
            for (String layer : List.of("input", "h1", "h2", "logits")) {
                for (String m : List.of("width", "pca_explained_1", "effective_rank", "nc1", "nc4", "ncc_test_accuracy", "id_twonn",
                        "linear_probe_accuracy", "linear_probe_test_accuracy"))
                    assertTrue(r.has(layer, m), m + " at " + layer);
                assertTrue(r.vector(layer, "pca_spectrum") != null);
                assertEquals(3 * r.scalar(layer, "nc1"), r.scalar(layer, "separation_d"), 1e-12, "D_l = K·NC1");
            }
            assertTrue(r.has("h2", "nc3"), "NC3 at the classifier's input only");
            assertFalse(r.has("h1", "nc3"));
        }
    }

    /** The input layer's features never change, but NC4 compares them with the network's current predictions. */
    @Test
    void inputMeasuresThatDependOnTheNetworkAreTakenAtEveryProbe() {
        Mlp net = Mlp.initialise(SPEC, 1);
        Mlp other = Mlp.initialise(SPEC, 2);
        try (Prober prober = prober(List.of(new PrincipalComponents(), new Collapse()), 1)) {
            Measurements a = prober.probe(0, net).measured(), b = prober.probe(1, other).measured();
            assertNotEquals(a.scalar("input", "nc4"), b.scalar("input", "nc4"), "another network predicts otherwise");
            assertEquals(a.scalar("input", "nc1"), b.scalar("input", "nc1"), 0, "the input's statistics are the same");
            assertEquals(a.scalar("input", "pca_explained_1"), b.scalar("input", "pca_explained_1"), 0);
            int[] ncc = new int[DATA.train().size()];
            int agree = 0;
            Mlp snapshot = other;
            // NC4 = share of samples where the nearest class centre disagrees with the prediction.
            float[] x = DATA.train().features();
            int[] y = DATA.train().labels();
            double[][] mu = new double[3][2];
            int[] count = new int[3];
            for (int i = 0; i < y.length; i++) {
                count[y[i]]++;
                for (int j = 0; j < 2; j++) mu[y[i]][j] += x[2 * i + j];
            }
            for (int c = 0; c < 3; c++) for (int j = 0; j < 2; j++) mu[c][j] /= count[c];
            try (netlens.linalg.Workers w = new netlens.linalg.Workers(1)) {
                var gemm = new netlens.linalg.Gemm(Backend.blas(), w);
                netlens.nn.Tape tape = new netlens.nn.Tape(snapshot, 1);
                for (int i = 0; i < y.length; i++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int c = 0; c < 3; c++) {
                        double d = Math.pow(x[2 * i] - mu[c][0], 2) + Math.pow(x[2 * i + 1] - mu[c][1], 2);
                        if (d < best) {
                            best = d;
                            ncc[i] = c;
                        }
                    }
                    snapshot.forward(gemm, Matrix.of(1, 2, new float[] {x[2 * i], x[2 * i + 1]}), tape);
                    if (netlens.nn.Readout.predict(tape.post(snapshot.layers()), 0) == ncc[i]) agree++;
                }
            }
            assertEquals(1 - (double) agree / y.length, b.scalar("input", "nc4"), 1e-12);
        }
    }

    @Test
    void decisionRegionsAreTheNetworksPredictionsAtTheGridPoints() {
        MlpSpec bottleneck = new MlpSpec(2, new int[] {16, 2}, 3, Activation.TANH, true, Init.PYTORCH);
        Mlp net = Mlp.initialise(bottleneck, 7);
        try (Prober prober = prober(List.of(new InputPlane(40)), 1)) {
            Measurements r = prober.probe(0, net).measured();
            Measurement.Matrix regions = r.matrix("", "decision_regions");
            double[] axis = r.vector("", "decision_axis").values();
            assertEquals(40, regions.rows());
            try (netlens.linalg.Workers w = new netlens.linalg.Workers(1)) {
                var gemm = new netlens.linalg.Gemm(Backend.blas(), w);
                netlens.nn.Tape tape = new netlens.nn.Tape(net, 1);
                for (int iy = 0; iy < 40; iy += 3)
                    for (int ix = 0; ix < 40; ix += 3) {
                        net.forward(gemm, Matrix.of(1, 2, new float[] {(float) axis[ix], (float) axis[iy]}), tape);
                        Matrix out = tape.post(net.layers());
                        int best = 0;
                        for (int c = 1; c < 3; c++) if (out.get(0, c) > out.get(0, best)) best = c;
                        assertEquals(best, (int) regions.get(iy, ix), "grid point " + ix + ", " + iy);
                    }
                double[] fieldAxis = r.vector("", "field_axis").values();
                int n = fieldAxis.length;
                net.forward(gemm, Matrix.of(1, 2, new float[] {(float) fieldAxis[n - 1], (float) fieldAxis[0]}), tape);
                Measurement.Matrix field = r.matrix("", "field");
                assertEquals(tape.post(2).get(0, 0), field.get(n - 1, 0), 1e-6, "the field goes into the 2-unit layer");
                assertEquals(tape.post(2).get(0, 1), field.get(n - 1, 1), 1e-6);
            }
        }
    }

    @Test
    void randomProjectionsAreTheSameMapAtEveryEpoch() {
        Mlp net = Mlp.initialise(SPEC, 1);
        List<Observable> random = List.of(new Embeddings(new Projection.Random()));
        try (Prober a = prober(random, 4); Prober b = prober(random, 4)) {
            float[] first = a.probe(0, net).measured().matrix("h1", "embeddings").values();
            assertArrayEquals(first, b.probe(3, net).measured().matrix("h1", "embeddings").values());
        }
    }

    @Test
    void umapIsSeededAndEmbedsOnlyItsSubset() {
        Mlp net = Mlp.initialise(SPEC, 1);
        List<Observable> umap = List.of(new Embeddings(new Projection.Umap(120, 10, 0.1)));
        float[] one, two;
        try (Prober a = prober(umap, 4)) {
            one = a.probe(0, net).measured().matrix("input", "embeddings").values();
        }
        try (Prober b = prober(umap, 4)) {
            two = b.probe(0, net).measured().matrix("input", "embeddings").values();
        }
        assertArrayEquals(one, two, "same seed, same picture");
        int embedded = 0;
        for (int i = 0; i < one.length / 2; i++) if (!Float.isNaN(one[2 * i])) embedded++;
        assertEquals(120, embedded, "only the UMAP subset gets coordinates");
    }

    /** An observable written elsewhere (a script) sees each probed layer and files its result under the layer. */
    @Test
    void aCustomObservableMeasuresEveryProbedLayer() {
        List<String> seen = new ArrayList<>();
        Custom widths = new Custom("width_again", "layer.width()", (probe, layer) -> {
            seen.add(probe.epoch() + ":" + layer.name());
            return new Measurement.Scalar(layer.width());
        });
        try (Prober prober = new Prober(Backend.blas(), 1, new ProbeSchedule(1, null, 1000, new int[] {1, 3}), List.of(widths),
                DATA.train(), DATA.test(), 1)) {
            Measurements r = prober.probe(0, Mlp.initialise(SPEC, 1)).measured();
            assertEquals(16, r.scalar("h1", "width_again"));
            assertEquals(3, r.scalar("logits", "width_again"));
            assertEquals(List.of("0:h1", "0:logits"), seen);
        }
    }
}
