package netlens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netlens.data.GaussianBinarySpec;
import netlens.data.Split;
import netlens.linalg.Backend;
import netlens.linalg.Gemm;
import netlens.linalg.Workers;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.nn.Parameterisation;
import org.junit.jupiter.api.Test;

/**
 * The α-trick F = α(f − f₀) trained on ℓ(F y)/α² (docs/definitions.md §2). At large α training is
 * lazy: the network is its linearisation around θ₀, so α²·loss follows an α-independent
 * trajectory while the weights move by O(1/α).
 */
class AlphaTrickTest {
    private static final Split SPHERE = new GaussianBinarySpec(GaussianBinarySpec.Model.SPHERE, 5, 64, 200).load(null, 2);

    private record Run(double[] scaledLoss, double movement) {}

    private static Run train(double alpha, Loss loss, int steps) {
        MlpSpec spec = new MlpSpec(5, new int[] {50}, 1, Activation.RELU, true, Init.PYTORCH, Parameterisation.MEAN_FIELD, alpha);
        Mlp net = Mlp.initialise(spec, 4);
        float[] start = net.params().toArray();
        double[] scaled = new double[steps + 1];
        TrainConfig config = new TrainConfig(loss, new OptimizerSpec.Sgd(1, 0, false, 0), 0, steps, null, 0);
        try (Workers w = new Workers(1)) {
            new Trainer(new Gemm(Backend.blas(), w)).train(net, SPHERE.train(), SPHERE.test(), config, 1,
                    (m, n) -> scaled[m.epoch()] = m.trainLoss() * alpha * alpha);
        }
        float[] end = net.params().toArray();
        double moved = 0;
        for (int i = 0; i < end.length; i++) moved += (double) (end[i] - start[i]) * (end[i] - start[i]);
        return new Run(scaled, Math.sqrt(moved));
    }

    /** F = 0 at initialisation, so the loss starts at ℓ(0)/α²: 1/α² for the hinge, log(1 + e^β)/(βα²) for the soft hinge. */
    @Test
    void theLossStartsAtTheMarginLossOfZeroOverAlphaSquared() {
        for (double alpha : new double[] {0.1, 3, 100}) {
            assertEquals(1, train(alpha, new Loss.Hinge(), 1).scaledLoss()[0], 1e-6, "alpha " + alpha);
            assertEquals(Math.log1p(Math.exp(20)) / 20, train(alpha, new Loss.SoftHinge(20), 1).scaledLoss()[0], 1e-6, "alpha " + alpha);
        }
    }

    @Test
    void largeAlphaIsTheLazyLimit() {
        Run a = train(100, new Loss.QuadraticHinge(), 400), b = train(1000, new Loss.QuadraticHinge(), 400);
        double last = a.scaledLoss()[400];
        assertTrue(last < 0.8 * a.scaledLoss()[0], "training must go somewhere: " + a.scaledLoss()[0] + " → " + last);
        for (int e = 0; e <= 400; e++)
            assertEquals(a.scaledLoss()[e], b.scaledLoss()[e], 0.02 * a.scaledLoss()[e], "α²·loss at step " + e);
        assertEquals(10, a.movement() / b.movement(), 0.2, "weights move by O(1/α)");
    }

    /** Gradient flow in the feature regime fits the sphere and stops as soon as every margin α(f − f₀)y reaches 1. */
    @Test
    void gradientFlowStopsWhenEveryMarginReachesOne() {
        MlpSpec spec = new MlpSpec(5, new int[] {50}, 1, Activation.RELU, true, Init.PYTORCH, Parameterisation.MEAN_FIELD, 0.01);
        Mlp net = Mlp.initialise(spec, 4);
        TrainConfig config = new TrainConfig(new Loss.SoftHinge(20), new OptimizerSpec.GradientFlow(1e-2, 1.1, 0.1, 1e-3, 0.1, 1e6),
                0, 50_000, null, 0, 1000, new LearningRate.Constant());
        Trainer.Outcome o;
        try (Workers w = new Workers(1)) {
            o = new Trainer(new Gemm(Backend.blas(), w)).train(net, SPHERE.train(), SPHERE.test(), config, 1, (m, n) -> {});
        }
        EpochMetrics last = o.history().get(o.history().size() - 1);
        assertTrue(o.message().startsWith("every training margin reached 1"), o.message());
        assertTrue(last.minMargin() >= 1, "min margin " + last.minMargin());
        assertTrue(last.epoch() < 50_000 && last.time() > 0, "epoch " + last.epoch() + ", time " + last.time());
    }
}
