package netlens.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netlens.data.GaussianBinarySpec;
import netlens.data.SpiralSpec;
import netlens.kernel.Baseline;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Parameterisation;
import netlens.observables.KernelBaselines;
import netlens.observables.PrincipalComponents;
import netlens.observables.TangentKernel;
import netlens.observe.Observable;
import netlens.observe.ProbeSchedule;
import netlens.train.Loss;
import netlens.train.OptimizerSpec;
import netlens.train.TrainConfig;
import org.junit.jupiter.api.Test;

/** The memory bound counts the empirical NTK's p × p kernel, so a kernel too large is refused before training. */
class MemoryEstimateTest {
    private static Experiment with(List<Observable> observables, int probeSamples) {
        return new Experiment("m", 1, new SpiralSpec(3, 20000, 10, Double.NaN, 0.05, true),
                new ModelSpec(new int[] {64, 32}, Activation.RELU, true, Init.PYTORCH),
                new TrainConfig(Loss.CROSS_ENTROPY, new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0, false), 32, 1, null, 0),
                ProbeSchedule.every(1, probeSamples), observables);
    }

    @Test
    void theNtkKernelIsCountedAndATooLargeOneRefused() {
        long plain = MemoryEstimate.bytes(with(List.of(new PrincipalComponents()), 60000));
        long kernel = MemoryEstimate.bytes(with(List.of(new PrincipalComponents(), new TangentKernel(20000)), 60000));
        assertTrue(kernel - plain >= 8L * 20000 * 20000, "Θ alone is 8p² bytes: " + (kernel - plain));
        // p is the NTK's subset of the probe samples, never more than they are.
        long fewer = MemoryEstimate.bytes(with(List.of(new PrincipalComponents(), new TangentKernel(20000)), 1000));
        assertTrue(fewer - MemoryEstimate.bytes(with(List.of(new PrincipalComponents()), 1000)) < 8L * 2000 * 2000);
        assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.check(with(List.of(new TangentKernel(20000)), 60000), 2L << 30));
    }

    /** An SVM on the NTK after training holds the p × p and pTest × p kernels: a learning-curve point at large p is refused before it trains. */
    @Test
    void theKernelBaselinesAreCountedForTheLearningCurveModels() {
        int p = 16384, pTest = 4000;
        Experiment e = new Experiment("m", 1, new GaussianBinarySpec(GaussianBinarySpec.Model.STRIPE, 5, p, pTest),
                new ModelSpec(new int[] {100}, Activation.RELU, true, Init.PYTORCH),
                new TrainConfig(new Loss.SoftHinge(20), new OptimizerSpec.GradientFlow(1e-2, 1.1, 0.1, 1e-3, 0.1, 1e6), 0, 1, null, 0),
                null, List.of(new KernelBaselines(List.of(Baseline.SVM_INIT_NTK, Baseline.KNN))));
        assertTrue(MemoryEstimate.bytes(e) >= 8L * p * p + 8L * pTest * p, "Θ and the test kernel: " + MemoryEstimate.bytes(e));
        assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.check(e, 2L << 30));
    }

    /** A linearised (lazy) flow holds Θ₀ on the training set, Θ₀ to the test set and Newton's matrix twice. */
    @Test
    void theLinearisedFlowsKernelsAreCounted() {
        int p = 16384, pTest = 4000;
        Experiment e = new Experiment("m", 1, new GaussianBinarySpec(GaussianBinarySpec.Model.STRIPE, 5, p, pTest),
                new ModelSpec(new int[] {100}, Activation.RELU, true, Init.PYTORCH, Parameterisation.MEAN_FIELD, 1000),
                new TrainConfig(new Loss.SoftHinge(20), new OptimizerSpec.GradientFlow(1e-2, 1.1, 0.1, 1e-3, 0.1, 1e6, 100), 0, 1, null, 0),
                null, List.of());
        assertTrue(MemoryEstimate.bytes(e) >= 3 * 8L * p * p + 8L * pTest * p, "Θ₀, the test kernel and Newton's matrix: " + MemoryEstimate.bytes(e));
        assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.check(e, 6L << 30));
    }
}
