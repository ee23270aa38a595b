package netlens.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netlens.data.SpiralSpec;
import netlens.linalg.Backend;
import netlens.linalg.Gemm;
import netlens.linalg.Workers;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.observables.Collapse;
import netlens.observables.Embeddings;
import netlens.observables.PrincipalComponents;
import netlens.observe.ProbeSchedule;
import netlens.probe.Projection;
import netlens.train.Loss;
import netlens.train.OptimizerSpec;
import netlens.train.TrainConfig;
import org.junit.jupiter.api.Test;

class RunnerTest {
    private static Results run(int maxEpochs, int every) {
        Experiment e = new Experiment("spiral-test", 2, new SpiralSpec(3, 60, 20, Double.NaN, 0.05, true),
                new ModelSpec(new int[] {16, 2}, Activation.TANH, true, Init.PYTORCH),
                new TrainConfig(Loss.CROSS_ENTROPY, new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0, false), 30, maxEpochs, null, 0),
                ProbeSchedule.every(every, 1000), List.of(new PrincipalComponents(), new Embeddings(new Projection.Pca()), new Collapse()));
        try (Workers w = new Workers(2)) {
            return new Runner(new Gemm(Backend.blas(), w), null).run(e, new Runner.Listener() {});
        }
    }

    @Test
    void probesAtInitialisationEveryKEpochsAndAtTheEnd() {
        Results r = run(11, 5);
        assertEquals(List.of(0, 5, 10, 11), r.probes().stream().map(p -> p.epoch()).toList());
        assertEquals(12, r.history().size());
        var last = r.probes().get(3).measured();
        assertEquals(List.of("input", "h1", "h2", "logits"), r.layers().stream().map(l -> l.name()).toList(), "h2 is the 2-neuron bottleneck");
        assertEquals(180, last.matrix("h2", "embeddings").rows());
        assertTrue(last.matrix("h2", "etf_2d") != null, "the penultimate layer keeps its ETF target");
        assertEquals(180, r.probeLabels().length);
    }

    @Test
    void layersNarrowerThanKMinusOneAreWarnedAbout() {
        var spec = new ModelSpec(new int[] {16, 2}, Activation.RELU, true, Init.PYTORCH).resolve(5, 4);
        List<String> w = Runner.warnings(spec, 4);
        assertEquals(1, w.size());
        assertTrue(w.get(0).startsWith("h2 has 2 units, fewer than K − 1 = 3"), w.get(0));
    }

    @Test
    void experimentNamesCannotEscapeTheReportFolder() {
        for (String bad : List.of("../x", "a/b", "", ".hidden", "a\\b", "a..b"))
            assertThrows(IllegalArgumentException.class, () -> ExperimentName.check(bad), bad);
        ExperimentName.check("mnist-collapse_2.v1");
    }
}
