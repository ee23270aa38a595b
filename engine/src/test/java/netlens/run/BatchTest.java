package netlens.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netlens.data.SpiralSpec;
import netlens.linalg.Backend;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.probe.ProbeConfig;
import netlens.train.EpochMetrics;
import netlens.train.Loss;
import netlens.train.OptimizerSpec;
import netlens.train.TrainConfig;
import org.junit.jupiter.api.Test;

/** Variants run together give exactly what each gives alone. */
class BatchTest {
    private static Experiment spirals(String name, Activation a, int classes) {
        return new Experiment(name, 3, new SpiralSpec(classes, 60, 20, Double.NaN, 0.05, true),
                new ModelSpec(new int[] {24, 2}, a, true, Init.PYTORCH),
                new TrainConfig(Loss.CROSS_ENTROPY, new OptimizerSpec.Adam(3e-3, 0.9, 0.999, 1e-8, 0, false), 16, 8, null, 0),
                new ProbeConfig(4, 1000, true, true));
    }

    @Test
    void aVariantsNumbersDoNotDependOnWhichOthersRan() {
        Experiment tanh = spirals("v", Activation.TANH, 3);
        List<Results> together = Batch.run(List.of(spirals("v", Activation.RELU, 5), tanh, spirals("v", Activation.RELU, 3)),
                Backend.blas(), 2, null, (i, e) -> new Runner.Listener() {});
        List<Results> alone = Batch.run(List.of(tanh), Backend.blas(), 1, null, (i, e) -> new Runner.Listener() {});
        List<EpochMetrics> a = together.get(1).history(), b = alone.get(0).history();
        assertEquals(b.size(), a.size());
        for (int e = 0; e < a.size(); e++) {
            assertEquals(b.get(e).trainLoss(), a.get(e).trainLoss(), 0, "epoch " + e);
            assertEquals(b.get(e).testAccuracy(), a.get(e).testAccuracy(), 0, "epoch " + e);
        }
        assertArrayEquals(alone.get(0).probes().get(2).layer(2).coords(), together.get(1).probes().get(2).layer(2).coords());
        assertEquals(5, together.get(0).classNames().size(), "each variant keeps its own data");
    }
}
