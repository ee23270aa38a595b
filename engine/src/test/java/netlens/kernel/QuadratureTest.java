package netlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Gaussian expectations of smooth activations to 1e-8 relative for pre-activation variances up
 * to 16: erf's against its closed forms, tanh's, softplus's and gelu's against a composite 16-point
 * Gauss–Legendre rule written here (another family of rule, on panels a quarter wide).
 */
class QuadratureTest {
    private static final double[] NODES = new double[16], WEIGHTS = new double[16];

    static {
        // Gauss–Legendre on [−1, 1] by Newton's method on P₁₆ from Chebyshev starting points.
        int n = NODES.length;
        for (int i = 0; i < n; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5)), dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1, p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) break;
            }
            NODES[i] = x;
            WEIGHTS[i] = 2 / ((1 - x * x) * dp * dp);
        }
    }

    /** E[f(u)f(v)] and E[f'(u)f'(v)] for (u, v) ~ N(0, [[a, c], [c, b]]) by Gauss–Legendre panels of width 0.25 over [−10, 10]². */
    private static double[] reference(LimitActivation f, double a, double c, double b) {
        int panels = 80;
        double[] z = new double[panels * NODES.length], w = new double[z.length];
        for (int p = 0; p < panels; p++)
            for (int k = 0; k < NODES.length; k++) {
                double mid = -10 + 0.25 * (p + 0.5);
                z[p * NODES.length + k] = mid + 0.125 * NODES[k];
                w[p * NODES.length + k] = 0.125 * WEIGHTS[k] * Math.exp(-0.5 * Math.pow(z[p * NODES.length + k], 2)) / Math.sqrt(2 * Math.PI);
            }
        double su = Math.sqrt(a), slope = c / su, rest = Math.sqrt(b - slope * slope), ff = 0, dd = 0;
        for (int i = 0; i < z.length; i++) {
            double fv = 0, dv = 0;
            for (int j = 0; j < z.length; j++) {
                double v = slope * z[i] + rest * z[j];
                fv += w[j] * f.apply(v);
                dv += w[j] * f.derivative(v);
            }
            ff += w[i] * f.apply(su * z[i]) * fv;
            dd += w[i] * f.derivative(su * z[i]) * dv;
        }
        return new double[] {ff, dd};
    }

    private static double[] rule(LimitActivation f, double a, double c, double b) {
        double[] out = new double[2];
        InfiniteWidth.quadrature(f).at(a, c, b, out);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"0.25, 0.2", "1, -0.9", "1, 0.999", "4, 0.5", "9, 0.0", "16, 0.95", "16, -0.6"})
    void erfMatchesItsClosedFormsAtEveryVariance(double a, double rho) {
        double b = 0.7 * a, c = rho * Math.sqrt(a * b);
        double[] closed = new double[2];
        InfiniteWidth.erf(a, c, b, closed);
        double[] numeric = rule(LimitActivation.ERF, a, c, b);
        assertEquals(closed[0], numeric[0], 1e-8 * Math.max(Math.abs(closed[0]), 1e-3), "E[σσ]");
        assertEquals(closed[1], numeric[1], 1e-8 * closed[1], "E[σ'σ']");
    }

    @ParameterizedTest
    @CsvSource({"TANH, 1, 0.3", "TANH, 4, -0.8", "TANH, 9, 0.99", "TANH, 16, 0.5", "SOFTPLUS, 16, 0.7", "GELU, 16, -0.4", "GELU, 0.5, 0.9"})
    void smoothActivationsMatchAHighOrderRule(LimitActivation f, double a, double rho) {
        double b = 1.3 * a, c = rho * Math.sqrt(a * b);
        double[] want = reference(f, a, c, b), got = rule(f, a, c, b);
        for (int k = 0; k < 2; k++) assertEquals(want[k], got[k], 1e-8 * Math.abs(want[k]), k == 0 ? "E[σσ]" : "E[σ'σ']");
    }
}
