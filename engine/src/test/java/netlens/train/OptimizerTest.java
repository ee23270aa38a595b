package netlens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import netlens.linalg.Matrix;
import netlens.linalg.Workers;
import org.junit.jupiter.api.Test;

/** Optimiser steps against closed forms. */
class OptimizerTest {
    private static final Workers ONE = new Workers(1);

    /**
     * Heavy-ball momentum on f(x) = ½ a x² is the linear recurrence [x, v]ₜ₊₁ = T [x, v]ₜ with
     * v' = μv + a x, x' = x − lr·v'; its closed form is a matrix power, checked after 20 steps.
     */
    @Test
    void momentumSgdFollowsTheHeavyBallRecurrence() {
        double a = 3, lr = 0.05, mu = 0.9, x0 = 1.5;
        Optimizer opt = Optimizer.of(new OptimizerSpec.Sgd(lr, mu, false, 0), 1);
        Matrix p = Matrix.of(1, 1, new float[] {(float) x0});
        Matrix g = Matrix.zeros(1, 1);
        for (int t = 0; t < 20; t++) {
            g.set(0, 0, (float) (a * p.get(0, 0)));
            opt.step(p, g, ONE, null, null);
        }
        // T = [[1 − lr·a, −lr·μ], [a, μ]] acting on (x, v).
        double[][] tm = {{1 - lr * a, -lr * mu}, {a, mu}};
        double[][] pow = {{1, 0}, {0, 1}};
        for (int t = 0; t < 20; t++) pow = mul(pow, tm);
        assertEquals(pow[0][0] * x0, p.get(0, 0), 1e-5);
    }

    @Test
    void weightDecayIsAnL2TermInTheGradient() {
        Optimizer opt = Optimizer.of(new OptimizerSpec.Sgd(0.1, 0, false, 0.5), 2);
        Matrix p = Matrix.of(1, 2, new float[] {2f, -4f});
        opt.step(p, Matrix.of(1, 2, new float[] {1f, 0f}), ONE, null, null);
        assertEquals(2 - 0.1 * (1 + 0.5 * 2), p.get(0, 0), 1e-6);
        assertEquals(-4 - 0.1 * (0.5 * -4), p.get(0, 1), 1e-6);
    }

    /** With bias correction Adam's first step is lr·g/(|g| + ε) whatever the size of g. */
    @Test
    void adamsFirstStepHasLengthLr() {
        Optimizer opt = Optimizer.of(new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0, false), 3);
        Matrix p = Matrix.zeros(1, 3);
        opt.step(p, Matrix.of(1, 3, new float[] {1e-3f, -50f, 7f}), ONE, null, null);
        assertEquals(-0.01, p.get(0, 0), 1e-6);
        assertEquals(0.01, p.get(0, 1), 1e-6);
        assertEquals(-0.01, p.get(0, 2), 1e-6);
    }

    @Test
    void adamMinimisesAQuadratic() {
        Optimizer opt = Optimizer.of(new OptimizerSpec.Adam(0.05, 0.9, 0.999, 1e-8, 0, false), 2);
        Matrix p = Matrix.of(1, 2, new float[] {3f, -2f});
        Matrix g = Matrix.zeros(1, 2);
        for (int t = 0; t < 2000; t++) {
            g.set(0, 0, 2 * (p.get(0, 0) - 1));          // f = (x − 1)² + 10 (y + 0.5)²
            g.set(0, 1, 20 * (p.get(0, 1) + 0.5f));
            opt.step(p, g, ONE, null, null);
        }
        assertEquals(1, p.get(0, 0), 1e-3);
        assertEquals(-0.5, p.get(0, 1), 1e-3);
    }

    @Test
    void decoupledDecayShrinksParametersWithoutAGradient() {
        Optimizer opt = Optimizer.of(new OptimizerSpec.Adam(0.1, 0.9, 0.999, 1e-8, 0.5, true), 1);
        Matrix p = Matrix.of(1, 1, new float[] {2f});
        opt.step(p, Matrix.zeros(1, 1), ONE, null, null);
        assertEquals(2 * (1 - 0.1 * 0.5), p.get(0, 0), 1e-6);
    }

    /**
     * Plain SGD on f(x) = ½ a x² under a step decay multiplies x by (1 − lr·γᵏ·a) at a step of
     * epoch e, k the milestones below e (PyTorch's MultiStepLR): one step per epoch, six epochs.
     */
    @Test
    void aStepDecayScalesEachEpochsRate() {
        double a = 2, lr = 0.2, x0 = 1;
        LearningRate schedule = new LearningRate.StepDecay(0.1, new int[] {4, 2});
        Optimizer opt = Optimizer.of(new OptimizerSpec.Sgd(lr, 0, false, 0), 1);
        Matrix p = Matrix.of(1, 1, new float[] {(float) x0});
        double expected = x0;
        double[] rates = {lr, lr, lr * 0.1, lr * 0.1, lr * 0.01, lr * 0.01};
        for (int epoch = 1; epoch <= 6; epoch++) {
            opt.scaleLearningRate(schedule.factor(epoch));
            opt.step(p, Matrix.of(1, 1, new float[] {(float) (a * p.get(0, 0))}), ONE, null, null);
            expected *= 1 - rates[epoch - 1] * a;
        }
        assertEquals(expected, p.get(0, 0), 1e-6);
    }

    @Test
    void decoupledDecayFollowsTheScheduledRate() {
        Optimizer opt = Optimizer.of(new OptimizerSpec.Adam(0.1, 0.9, 0.999, 1e-8, 0.5, true), 1);
        opt.scaleLearningRate(0.1);
        Matrix p = Matrix.of(1, 1, new float[] {2f});
        opt.step(p, Matrix.zeros(1, 1), ONE, null, null);
        assertEquals(2 * (1 - 0.01 * 0.5), p.get(0, 0), 1e-6);
    }

    private static double[][] mul(double[][] x, double[][] y) {
        double[][] r = new double[2][2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) r[i][j] = x[i][0] * y[0][j] + x[i][1] * y[1][j];
        return r;
    }
}
