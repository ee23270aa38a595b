package netlens.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netlens.data.GaussianBinarySpec;
import netlens.data.Split;
import netlens.kernel.Baseline;
import netlens.kernel.Baselines;
import netlens.linalg.Backend;
import netlens.linalg.Gemm;
import netlens.linalg.Workers;
import netlens.nn.Activation;
import netlens.nn.Inference;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.nn.Parameterisation;
import netlens.nn.Readout;
import org.junit.jupiter.api.Test;

/**
 * Lazy training integrated on the linearised network against the network trained by explicit
 * gradient flow at the same α, where that flow still converges (small p), and against the SVM on
 * the initial NTK, the lazy limit's max-margin cousin.
 */
class LazyLimitTest {
    private static final double ALPHA = 1000;

    private record Run(Trainer.Outcome outcome, Mlp net, float[] testOutputs) {}

    private static Run train(Split split, double linearisedFrom, int maxSteps) {
        return train(split, linearisedFrom, maxSteps, 1);
    }

    private static Run train(Split split, double linearisedFrom, int maxSteps, int threads) {
        MlpSpec spec = new MlpSpec(split.train().dim(), new int[] {100}, 1, Activation.RELU, true, Init.PYTORCH, Parameterisation.MEAN_FIELD, ALPHA);
        Mlp net = Mlp.initialise(spec, 3);
        TrainConfig config = new TrainConfig(new Loss.SoftHinge(20), new OptimizerSpec.GradientFlow(1e-2, 1.1, 0.1, 1e-3, 0.1, 1e6, linearisedFrom),
                0, maxSteps, null, 0, 1000, new LearningRate.Constant());
        try (Workers w = new Workers(threads)) {
            Gemm gemm = new Gemm(Backend.blas(), w);
            Mlp initial = net.copy();
            Trainer.Outcome o = new Trainer(gemm).train(net, split.train(), split.test(), config, 1, (m, n) -> {});
            Inference inference = new Inference(gemm);
            float[] f = Readout.outputs(net, split.test(), inference), f0 = Readout.outputs(initial, split.test(), inference);
            for (int i = 0; i < f.length; i++) f[i] = (float) (ALPHA * (f[i] - f0[i]));
            return new Run(o, net, f);
        }
    }

    private static EpochMetrics last(Run r) {
        return r.outcome().history().get(r.outcome().history().size() - 1);
    }

    @Test
    void theLinearisedFlowEndsWhereExplicitFlowAtTheSameAlphaEnds() {
        Split split = new GaussianBinarySpec(GaussianBinarySpec.Model.STRIPE, 5, 48, 500).load(null, 1);
        Run explicit = train(split, Double.POSITIVE_INFINITY, 300_000), linearised = train(split, 100, 10_000);
        assertTrue(explicit.outcome().message().startsWith("every training margin reached 1"), explicit.outcome().message());
        assertTrue(linearised.outcome().message().startsWith("every training margin of the linearised network reached 1"), linearised.outcome().message());
        double scale = 0, diff = 0;
        for (int i = 0; i < explicit.testOutputs().length; i++) {
            scale = Math.max(scale, Math.abs(explicit.testOutputs()[i]));
            diff = Math.max(diff, Math.abs(explicit.testOutputs()[i] - linearised.testOutputs()[i]));
        }
        assertTrue(diff < 0.02 * scale, "test outputs differ by " + diff + " (largest " + scale + ")");
        assertEquals(last(explicit).time(), last(linearised).time(), 0.02 * last(explicit).time(), "flow time at the stop");
        assertEquals(last(explicit).testAccuracy(), last(linearised).testAccuracy(), 0.01);
    }

    /** Where explicit flow runs out of its budget (p = 256), the linearised one lands, near the SVM on Θ₀. */
    @Test
    void atLargerPTheLinearisedFlowConvergesNearTheSvmOnTheInitialNtk() {
        Split split = new GaussianBinarySpec(GaussianBinarySpec.Model.STRIPE, 5, 256, 2000).load(null, 2);
        Run lazy = train(split, 100, 10_000);
        assertTrue(lazy.outcome().message().startsWith("every training margin of the linearised network reached 1"), lazy.outcome().message());
        double svm;
        try (Workers w = new Workers(1)) {
            Mlp initial = Mlp.initialise(lazy.net().spec(), 3);
            svm = Baselines.errors(List.of(Baseline.SVM_INIT_NTK), initial, initial, split, new Gemm(Backend.blas(), w)).get(Baseline.SVM_INIT_NTK);
        }
        double error = 1 - last(lazy).testAccuracy();
        assertEquals(svm, error, 0.03, "test error of the lazy network against the SVM on its initial NTK");
    }

    /** The same numbers whatever the thread count: the kernel, the integrator and the move back to θ are all fixed-order. */
    @Test
    void theLinearisedFlowGivesTheSameNumbersOnOneOrTwoThreads() {
        Split split = new GaussianBinarySpec(GaussianBinarySpec.Model.STRIPE, 5, 96, 200).load(null, 4);
        Run one = train(split, 100, 10_000, 1), two = train(split, 100, 10_000, 2);
        assertEquals(withoutSeconds(one), withoutSeconds(two));
        assertArrayEquals(one.net().params().toArray(), two.net().params().toArray());
    }

    private static java.util.List<EpochMetrics> withoutSeconds(Run r) {
        return r.outcome().history().stream().map(m -> new EpochMetrics(m.epoch(), m.trainLoss(), m.trainAccuracy(), m.testLoss(),
                m.testAccuracy(), 0, m.terminalPhase(), m.minMargin(), m.time())).toList();
    }
}
