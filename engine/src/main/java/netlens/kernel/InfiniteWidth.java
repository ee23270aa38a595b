package netlens.kernel;


/**
 * The NNGP and NTK kernels of an infinitely wide fully connected network with {@code depth} hidden
 * layers, in the NTK parameterisation: h¹ = σ_w W¹x/√d + σ_b b¹, hˡ⁺¹ = σ_w Wˡ⁺¹ σ(hˡ)/√n + σ_b bˡ⁺¹,
 * a linear readout, all weights N(0, 1) (docs/definitions.md §4). With Σ¹ = Θ¹ = σ_w² x·x'/d + σ_b²,
 * <pre>
 *   Σˡ⁺¹ = σ_b² + σ_w² E[σ(u)σ(v)],   Θˡ⁺¹ = Σˡ⁺¹ + σ_w² E[σ'(u)σ'(v)] Θˡ,   (u, v) ~ N(0, Σˡ),
 * </pre>
 * and the network's kernels are Σ and Θ of layer depth + 1. ReLU and erf use the closed forms;
 * other activations a 2-D trapezoidal rule in the standard normal coordinates whose step shrinks
 * with the variance ({@link #quadrature}).
 */
public record InfiniteWidth(LimitActivation activation, int depth, double sigmaW, double sigmaB) {
    public InfiniteWidth {
        if (depth < 0) throw new IllegalArgumentException("depth must be >= 0, got " + depth);
        if (!(sigmaW > 0)) throw new IllegalArgumentException("sigmaW must be > 0, got " + sigmaW);
        if (!(sigmaB >= 0)) throw new IllegalArgumentException("sigmaB must be >= 0, got " + sigmaB);
    }

    /** The network's NNGP Σ and NTK Θ on n samples. */
    public record Kernels(Gram nngp, Gram ntk) {}

    /** Kernels between the rows of x (n×d, row-major). */
    public Kernels of(float[] x, int n, int d) {
        double[] s = new double[n * n], t = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) {
                double dot = 0;
                for (int k = 0; k < d; k++) dot += (double) x[i * d + k] * x[j * d + k];
                s[i * n + j] = s[j * n + i] = t[i * n + j] = t[j * n + i] = sigmaW * sigmaW * dot / d + sigmaB * sigmaB;
            }
        Expectations e = expectations();
        double[] pair = new double[2];
        for (int l = 1; l <= depth; l++) {
            double[] diag = new double[n];
            for (int i = 0; i < n; i++) diag[i] = s[i * n + i];
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++) {
                    e.at(diag[i], s[i * n + j], diag[j], pair);
                    double sigma = sigmaB * sigmaB + sigmaW * sigmaW * pair[0];
                    double theta = sigma + sigmaW * sigmaW * pair[1] * t[i * n + j];
                    s[i * n + j] = s[j * n + i] = sigma;
                    t[i * n + j] = t[j * n + i] = theta;
                }
        }
        return new Kernels(new Gram(n, n, s), new Gram(n, n, t));
    }

    /** E[σ(u)σ(v)] and E[σ'(u)σ'(v)] for (u, v) ~ N(0, [[a, c], [c, b]]), into out[0] and out[1]. */
    interface Expectations {
        void at(double a, double c, double b, double[] out);
    }

    Expectations expectations() {
        return switch (activation) {
            case RELU -> InfiniteWidth::relu;
            case ERF -> InfiniteWidth::erf;
            default -> quadrature(activation);
        };
    }

    // Cho & Saul's arc-cosine kernel of degree 1 and 0.
    static void relu(double a, double c, double b, double[] out) {
        double norm = Math.sqrt(a * b);
        if (norm == 0) {              // u or v is identically 0, where relu and its derivative vanish
            out[0] = out[1] = 0;
            return;
        }
        double theta = Math.acos(Math.max(-1, Math.min(1, c / norm)));
        out[0] = norm * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta)) / (2 * Math.PI);
        out[1] = (Math.PI - theta) / (2 * Math.PI);
    }

    // Williams (1997) for erf; its derivative kernel from E[erf'(u) erf'(v)] = (4/π) det(I + 2Σ)^(−1/2).
    static void erf(double a, double c, double b, double[] out) {
        double pa = 1 + 2 * a, pb = 1 + 2 * b;
        out[0] = erfCovariance(a, c, b);
        out[1] = 4 / Math.PI / Math.sqrt(pa * pb - 4 * c * c);
    }

    /** E[erf(u) erf(v)] = (2/π) arcsin(2c/√((1 + 2a)(1 + 2b))). */
    static double erfCovariance(double a, double c, double b) {
        return 2 / Math.PI * Math.asin(2 * c / Math.sqrt((1 + 2 * a) * (1 + 2 * b)));
    }

    /** Normal coordinates beyond this many standard deviations carry less than 1e-19 of the weight. */
    private static final double RANGE = 9.5;

    /**
     * E[σ(u)σ(v)] and E[σ'(u)σ'(v)] with u = √a z₁, v = (c/√a) z₁ + √(b − c²/a) z₂ over a grid of
     * step h in (z₁, z₂), the trapezoidal rule. For integrands analytic in a strip |Im z| < τ and
     * decaying like a Gaussian it converges as exp(−2πτ/h) (Trefethen & Weideman 2014). tanh has its
     * poles nearest the real line (softplus and its derivative at twice the distance, gelu none): at
     * u = iπ/2, so in z at τ = π/(2s) for a coefficient s of z. The step h = π²/(s ln 10¹³) per
     * coordinate thus keeps the error near 1e-13 whatever the variance, with 59·s + 1 nodes.
     */
    static Expectations quadrature(LimitActivation f) {
        return (a, c, b, out) -> {
            double su = Math.sqrt(a), slope = a > 0 ? c / su : 0, rest = Math.sqrt(Math.max(0, b - slope * slope));
            double h1 = step(Math.max(su, Math.abs(slope))), h2 = step(rest);
            int n1 = (int) Math.ceil(RANGE / h1), n2 = (int) Math.ceil(RANGE / h2);
            double[] w2 = weights(n2, h2);
            double ff = 0, dd = 0;
            for (int i = -n1; i <= n1; i++) {
                double z1 = i * h1, w1 = h1 * density(z1), u = su * z1, base = slope * z1;
                double fv = 0, dv = 0;
                for (int j = -n2; j <= n2; j++) {
                    double v = base + rest * j * h2;
                    fv += w2[j + n2] * f.apply(v);
                    dv += w2[j + n2] * f.derivative(v);
                }
                ff += w1 * f.apply(u) * fv;
                dd += w1 * f.derivative(u) * dv;
            }
            out[0] = ff;
            out[1] = dd;
        };
    }

    private static double step(double scale) {
        return Math.min(0.5, Math.PI * Math.PI / (Math.max(scale, 1e-12) * Math.log(1e13)));
    }

    /** h·φ(jh) for j = −n … n. */
    private static double[] weights(int n, double h) {
        double[] w = new double[2 * n + 1];
        for (int j = -n; j <= n; j++) w[j + n] = h * density(j * h);
        return w;
    }

    private static double density(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }
}
