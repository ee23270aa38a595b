package netlens.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netlens.data.ImageCollection;
import netlens.data.ImageSpec;
import netlens.data.Scale;
import netlens.data.Split;
import netlens.data.SpiralSpec;
import netlens.data.TestData;
import netlens.linalg.Backend;
import netlens.linalg.Gemm;
import netlens.linalg.Workers;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final Split DIGITS = new ImageSpec(ImageCollection.MNIST, new int[] {0, 1, 7}, 300, 200, Scale.UNIT).load(TestData.store(), 5);

    private static Trainer.Outcome train(Split data, MlpSpec spec, TrainConfig config, int threads, Mlp[] out, Trainer.Listener listener) {
        try (Workers w = new Workers(threads)) {
            Mlp net = Mlp.initialise(spec, 3);
            Trainer.Outcome o = new Trainer(new Gemm(Backend.blas(), w)).train(net, data.train(), data.test(), config, 3, listener);
            if (out != null) out[0] = net;
            return o;
        }
    }

    private static MlpSpec mlp(int inputs, int classes) {
        return new MlpSpec(inputs, new int[] {64, 32}, classes, Activation.RELU, true, Init.PYTORCH);
    }

    @Test
    void anMlpFitsThreeMnistDigitsAndGeneralises() {
        TrainConfig config = new TrainConfig(Loss.CROSS_ENTROPY, new OptimizerSpec.Sgd(0.05, 0.9, false, 0), 32, 40,
                m -> m.trainAccuracy() >= 1.0, 0);
        Trainer.Outcome o = train(DIGITS, mlp(784, 3), config, 2, null, (m, n) -> {});
        EpochMetrics last = o.history().get(o.history().size() - 1);
        assertEquals(Trainer.Status.COMPLETED, o.status());
        assertEquals(1.0, last.trainAccuracy());
        assertTrue(last.testAccuracy() > 0.97, "test accuracy " + last.testAccuracy());
        assertEquals(last.epoch(), o.targetEpoch(), "stops at the first epoch meeting the target when extraEpochs = 0");
    }

    @Test
    void theSameSeedGivesIdenticalNumbersForAnyThreadCount() {
        TrainConfig config = new TrainConfig(Loss.CROSS_ENTROPY, new OptimizerSpec.Adam(1e-3, 0.9, 0.999, 1e-8, 1e-4, false), 50, 3, null, 0);
        Mlp[] one = new Mlp[1], three = new Mlp[1];
        List<EpochMetrics> a = train(DIGITS, mlp(784, 3), config, 1, one, (m, n) -> {}).history();
        List<EpochMetrics> b = train(DIGITS, mlp(784, 3), config, 3, three, (m, n) -> {}).history();
        for (int e = 0; e < a.size(); e++) {
            assertEquals(a.get(e).trainLoss(), b.get(e).trainLoss(), 0, "epoch " + e);
            assertEquals(a.get(e).testLoss(), b.get(e).testLoss(), 0, "epoch " + e);
        }
        assertArrayEquals(one[0].params().toArray(), three[0].params().toArray());
    }

    @Test
    void theTerminalPhaseRunsExtraEpochsAfterTheTarget() {
        Split spirals = new SpiralSpec(2, 50, 10, Double.NaN, 0, true).load(null, 1);
        TrainConfig config = new TrainConfig(Loss.CROSS_ENTROPY, new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0, false), 20, 500,
                m -> m.epoch() >= 4, 6);
        Trainer.Outcome o = train(spirals, mlp(2, 2), config, 1, null, (m, n) -> {});
        assertEquals(4, o.targetEpoch());
        assertEquals(10, o.history().get(o.history().size() - 1).epoch());
        assertTrue(o.history().get(5).terminalPhase() && !o.history().get(4).terminalPhase());
    }

    /**
     * A decay by 1e-30 leaves a float parameter unchanged, so the weights freeze exactly from the
     * epoch after the milestone on: epoch 2 still moves them, epochs 3 and 4 do not.
     */
    @Test
    void theTrainerAppliesTheDecayFromTheEpochAfterEachMilestone() {
        TrainConfig config = new TrainConfig(Loss.CROSS_ENTROPY, new OptimizerSpec.Sgd(0.05, 0.9, false, 0), 32, 4, null, 0, 1,
                new LearningRate.StepDecay(1e-30, new int[] {2}));
        List<float[]> snapshots = new ArrayList<>();
        train(DIGITS, mlp(784, 3), config, 2, null, (m, net) -> snapshots.add(net.params().toArray()));
        assertEquals(5, snapshots.size(), "epoch 0 and four epochs");
        assertTrue(!Arrays.equals(snapshots.get(1), snapshots.get(2)), "epoch 2 trains at the full rate");
        assertArrayEquals(snapshots.get(2), snapshots.get(3));
        assertArrayEquals(snapshots.get(2), snapshots.get(4));
    }

    @Test
    void aDivergingRunStopsWithTheEpochAndStep() {
        TrainConfig config = new TrainConfig(Loss.MSE, new OptimizerSpec.Sgd(1e4, 0.9, false, 0), 64, 20, null, 0);
        Trainer.Outcome o = train(DIGITS, mlp(784, 3), config, 2, null, (m, n) -> {});
        assertEquals(Trainer.Status.DIVERGED, o.status());
        assertTrue(o.message().contains("epoch") && o.message().contains("step"), o.message());
        for (EpochMetrics m : o.history()) assertTrue(Double.isFinite(m.trainLoss()), "only good epochs are kept");
    }

    @Test
    void cancellationStopsBetweenSteps() {
        TrainConfig config = new TrainConfig(Loss.CROSS_ENTROPY, new OptimizerSpec.Sgd(0.01, 0, false, 0), 10, 50, null, 0);
        int[] steps = {0};
        Trainer.Outcome o = train(DIGITS, mlp(784, 3), config, 1, null, new Trainer.Listener() {
            @Override public void epochEnd(EpochMetrics m, Mlp net) {}
            @Override public void stepEnd(int epoch, int step, int total, double loss) { steps[0]++; }
            @Override public boolean cancelled() { return steps[0] >= 95; }
        });
        assertEquals(Trainer.Status.INTERRUPTED, o.status());
        assertEquals(95, steps[0]);
        assertEquals(1, o.history().size() - 1, "one full epoch (90 steps) finished before the interrupt");
    }
}
