package netlens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import netlens.linalg.Backend;
import org.junit.jupiter.api.Test;

/**
 * The implicit function-space integrator of the lazy limit against an independent reference: the
 * same ODE dc/dt = s(Kc) by classical Runge–Kutta with a fixed step far below its stability
 * limit, on a stiff problem (Θ's eigenvalues spread over four decades).
 */
class LinearisedFlowTest {
    private static final int P = 12;
    private static final Loss.Margin LOSS = new Loss.SoftHinge(20);

    /** Θ = Q diag(10^{−2} … 10²) Qᵀ with Q a random rotation, and random labels. */
    private static double[] stiffKernel(Random r) {
        double[][] q = new double[P][P];
        for (int j = 0; j < P; j++) {                       // Gram–Schmidt on Gaussian columns
            for (int i = 0; i < P; i++) q[i][j] = r.nextGaussian();
            for (int l = 0; l < j; l++) {
                double dot = 0;
                for (int i = 0; i < P; i++) dot += q[i][j] * q[i][l];
                for (int i = 0; i < P; i++) q[i][j] -= dot * q[i][l];
            }
            double norm = 0;
            for (int i = 0; i < P; i++) norm += q[i][j] * q[i][j];
            for (int i = 0; i < P; i++) q[i][j] /= Math.sqrt(norm);
        }
        double[] theta = new double[P * P];
        for (int l = 0; l < P; l++) {
            double lambda = Math.pow(10, -2 + 4.0 * l / (P - 1)) * P;
            for (int i = 0; i < P; i++) for (int j = 0; j < P; j++) theta[i * P + j] += q[i][l] * lambda * q[j][l];
        }
        return theta;
    }

    private static int[] signs(Random r) {
        int[] y = new int[P];
        for (int i = 0; i < P; i++) y[i] = r.nextBoolean() ? 1 : -1;
        return y;
    }

    /** c(T) by RK4 steps of h on dc/dt = s(Kc), K = yyᵀ ∘ Θ / p, z₀ = 0. */
    private static double[] rungeKutta(double[] theta, int[] y, double until, double h) {
        double[] k = new double[P * P];
        for (int i = 0; i < P; i++) for (int j = 0; j < P; j++) k[i * P + j] = theta[i * P + j] * y[i] * y[j] / P;
        double[] c = new double[P];
        double t = 0;
        while (t < until) {
            double dt = Math.min(h, until - t);
            double[] k1 = rate(k, c, null, 0), k2 = rate(k, c, k1, dt / 2), k3 = rate(k, c, k2, dt / 2), k4 = rate(k, c, k3, dt);
            for (int i = 0; i < P; i++) c[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            t += dt;
        }
        return c;
    }

    private static double[] rate(double[] k, double[] c, double[] dir, double along) {
        double[] at = c.clone(), out = new double[P];
        if (dir != null) for (int i = 0; i < P; i++) at[i] += along * dir[i];
        for (int i = 0; i < P; i++) {
            double z = 0;
            for (int j = 0; j < P; j++) z += k[i * P + j] * at[j];
            out[i] = -LOSS.derivative(z);
        }
        return out;
    }

    private static LinearisedFlow run(double[] theta, int[] y, double maxDgrad) {
        OptimizerSpec.GradientFlow spec = new OptimizerSpec.GradientFlow(1e-3, 1.1, 0.1, maxDgrad, 0.1, 1e6, 1);
        LinearisedFlow flow = new LinearisedFlow(theta.clone(), P, y, LOSS, spec, Backend.blas());
        while (flow.minMargin() < 1) assertTrue(flow.step(), "a step at flow time " + flow.time());
        return flow;
    }

    private static double relativeError(double[] a, double[] b) {
        double diff = 0, norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return Math.sqrt(diff / norm);
    }

    @Test
    void followsTheFlowThatRungeKuttaTracesAndStopsWhereTheLastMarginReachesOne() {
        Random r = new Random(7);
        double[] theta = stiffKernel(r);
        int[] y = signs(r);
        LinearisedFlow loose = run(theta, y, 1e-3), tight = run(theta, y, 1e-6);
        // The stiffest mode decays at rate ~ λ_max ℓ''_max / p = 100·5: RK4 is stable below 2.8/500.
        double[] reference = rungeKutta(theta, y, tight.time(), 2e-4);
        double errLoose = relativeError(loose.coefficients(), rungeKutta(theta, y, loose.time(), 2e-4));
        double errTight = relativeError(tight.coefficients(), reference);
        assertTrue(errTight < 2e-3, "relative error of c at maxDgrad 1e-6: " + errTight);
        assertTrue(errTight < errLoose / 5, "tighter steps are more accurate: " + errLoose + " → " + errTight);
        assertTrue(tight.minMargin() >= 1 && tight.minMargin() <= 1.001, "lands on margin 1: " + tight.minMargin());
        double[] k = new double[P * P];
        for (int i = 0; i < P; i++) for (int j = 0; j < P; j++) k[i * P + j] = theta[i * P + j] * y[i] * y[j] / P;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < P; i++) {
            double z = 0;
            for (int j = 0; j < P; j++) z += k[i * P + j] * reference[j];
            min = Math.min(min, z);
        }
        assertEquals(1, min, 5e-3, "the reference's smallest margin at the flow's stopping time");
        assertTrue(tight.steps() < 8000 && loose.steps() < 400, "steps: " + loose.steps() + " (1e-3), " + tight.steps() + " (1e-6)");
    }
}
