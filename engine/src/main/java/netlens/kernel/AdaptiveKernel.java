package netlens.kernel;

import netlens.linalg.Blas;

/**
 * The adaptive (data-aware) kernel of a shallow erf network f(x) = Σ_c a_c erf(w_c·x) with h
 * hidden units, from the equations of state of Seroussi, Naveh & Ringel (2023) as used by
 * Kothapalli & Tirer for kernel NC1. The first-layer weights follow N(0, Σ) with Σ solving
 * <pre>
 *   Σ⁻¹ = (d/σ_w²) I + (1/h) ∂/∂Σ Tr[A Q(Σ)],   A = C (Q + σ²I)⁻¹ − Σ_c t_c t_cᵀ,   t_c = (Q + σ²I)⁻¹ y_c,
 * </pre>
 * for C outputs y_c (C = 1 with y = ±1 for two classes; one-hot targets for more),
 * with A held fixed in the derivative, where Q(Σ)ᵢⱼ = σ_a² (2/π) arcsin(2xᵢᵀΣxⱼ / √((1 + 2xᵢᵀΣxᵢ)(1 + 2xⱼᵀΣxⱼ)))
 * is the network's NNGP for that Σ and A is minus twice the derivative of the Gaussian-process
 * log-likelihood of the labels with respect to the kernel. As h → ∞, Σ → σ_w² I/d and Q is the
 * NNGP. (The shallow_nc1 code writes σ²(y − f̄)(y − f̄)ᵀ = σ⁶ttᵀ for ttᵀ; they agree at σ² = 1.)
 * The equations are solved by damped fixed-point iteration, annealing h down from 10⁴·h.
 */
public record AdaptiveKernel(int hidden, double sigmaW, double sigmaA, double noise) {
    public AdaptiveKernel {
        if (hidden < 1) throw new IllegalArgumentException("hidden must be >= 1, got " + hidden);
        if (!(sigmaW > 0 && sigmaA > 0 && noise > 0)) throw new IllegalArgumentException("sigmaW, sigmaA and noise must be > 0");
    }

    /** The solution: the kernel Q on the training samples, the weight covariance Σ (d×d) and whether the iteration converged. */
    public record Solution(Gram kernel, double[] sigma, boolean converged, int iterations) {}

    /** Solves the equations of state on x (n×d, row-major) with targets y (n×outputs, row-major). */
    public Solution solve(float[] x, int n, int d, double[] y, int outputs, Blas blas) {
        double[] sigma = new double[d * d];
        for (int j = 0; j < d; j++) sigma[j * d + j] = sigmaW * sigmaW / d;
        int iterations = 0;
        boolean converged = true;
        for (double h = hidden * 1e4; ; h = Math.max(hidden, h / 10)) {
            Step s = fixedPoint(x, n, d, y, outputs, sigma, h, blas);
            sigma = s.sigma;
            iterations += s.iterations;
            converged &= s.converged;
            if (h == hidden) break;
        }
        return new Solution(new Gram(n, n, kernel(x, n, d, sigma)), sigma, converged, iterations);
    }

    private record Step(double[] sigma, boolean converged, int iterations) {}

    private Step fixedPoint(float[] x, int n, int d, double[] y, int outputs, double[] start, double h, Blas blas) {
        double[] sigma = start.clone();
        double damping = 0.5;
        for (int it = 1; it <= 500; it++) {
            double[] next = update(x, n, d, y, outputs, sigma, h, blas);
            double change = 0, size = 0;
            for (int i = 0; i < sigma.length; i++) {
                change += (next[i] - sigma[i]) * (next[i] - sigma[i]);
                size += sigma[i] * sigma[i];
            }
            for (int i = 0; i < sigma.length; i++) sigma[i] += damping * (next[i] - sigma[i]);
            if (change <= 1e-18 * size) return new Step(sigma, true, it);
        }
        return new Step(sigma, false, 500);
    }

    /** The right-hand side: [(d/σ_w²) I + (1/h) ∂Tr[A Q]/∂Σ]⁻¹. */
    double[] update(float[] x, int n, int d, double[] y, int outputs, double[] sigma, double h, Blas blas) {
        double[] k = projected(x, n, d, sigma);
        double[] shifted = fromProjected(k, n);
        for (int i = 0; i < n; i++) shifted[i * n + i] += noise * noise;
        // One factorisation for (Q + σ²I)⁻¹ and t = (Q + σ²I)⁻¹ y: solve against [I | y].
        int m = n + outputs;
        double[] rhs = new double[n * m];
        for (int i = 0; i < n; i++) {
            rhs[i * m + i] = 1;
            System.arraycopy(y, i * outputs, rhs, i * m + n, outputs);
        }
        double[] solved = blas.solvePositive(shifted, n, rhs, m);
        if (solved == null) throw new IllegalStateException("the adaptive kernel became singular");
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double tt = 0;
                for (int c = 0; c < outputs; c++) tt += solved[i * m + n + c] * solved[j * m + n + c];
                a[i * n + j] = outputs * solved[i * m + j] - tt;
            }
        double[] inv = gradientAt(x, n, d, k, a);
        for (int i = 0; i < d * d; i++) inv[i] /= h;
        for (int j = 0; j < d; j++) inv[j * d + j] += d / (sigmaW * sigmaW);
        double[] id = new double[d * d];
        for (int j = 0; j < d; j++) id[j * d + j] = 1;
        double[] out = blas.solvePositive(inv, d, id, d);
        if (out == null) throw new IllegalStateException("the equations of state have no positive-definite solution near h = " + h + " (a wider network or more noise σ² keeps one)");
        return out;
    }

    /** Q(Σ) on the samples. */
    double[] kernel(float[] x, int n, int d, double[] sigma) {
        return fromProjected(projected(x, n, d, sigma), n);
    }

    /** Q from k = XΣXᵀ: σ_a² times the erf NNGP covariance. */
    private double[] fromProjected(double[] k, int n) {
        double[] q = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                q[i * n + j] = q[j * n + i] = sigmaA * sigmaA * InfiniteWidth.erfCovariance(k[i * n + i], k[i * n + j], k[j * n + j]);
        return q;
    }

    /** k = X Σ Xᵀ. */
    private static double[] projected(float[] x, int n, int d, double[] sigma) {
        double[] xs = new double[n * d];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) s += x[i * d + b] * sigma[b * d + a];
                xs[i * d + a] = s;
            }
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int a = 0; a < d; a++) s += xs[i * d + a] * x[j * d + a];
                k[i * n + j] = k[j * n + i] = s;
            }
        return k;
    }

    /**
     * ∂Tr[A Q(Σ)]/∂Σ for symmetric A: with kᵢⱼ = xᵢᵀΣxⱼ, pᵢ = 1 + 2kᵢᵢ and sᵢⱼ = 2kᵢⱼ/√(pᵢpⱼ),
     * ∂Qᵢⱼ = gᵢⱼ ∂sᵢⱼ with gᵢⱼ = σ_a²(2/π)/√(1 − sᵢⱼ²) and ∂sᵢⱼ = (2/√(pᵢpⱼ)) ∂kᵢⱼ − (sᵢⱼ/pᵢ) ∂kᵢᵢ − (sᵢⱼ/pⱼ) ∂kⱼⱼ,
     * so the gradient is Xᵀ(B + diag c)X with Bᵢⱼ = 2Aᵢⱼgᵢⱼ/√(pᵢpⱼ) and cᵢ = −(2/pᵢ) Σⱼ Aᵢⱼgᵢⱼsᵢⱼ.
     */
    double[] gradient(float[] x, int n, int d, double[] sigma, double[] a) {
        return gradientAt(x, n, d, projected(x, n, d, sigma), a);
    }

    private double[] gradientAt(float[] x, int n, int d, double[] k, double[] a) {
        double[] b = new double[n * n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double pi = 1 + 2 * k[i * n + i], pj = 1 + 2 * k[j * n + j], root = Math.sqrt(pi * pj);
                double s = 2 * k[i * n + j] / root;
                double g = sigmaA * sigmaA * 2 / Math.PI / Math.sqrt(Math.max(1e-300, 1 - s * s));
                b[i * n + j] = 2 * a[i * n + j] * g / root;
                c[i] -= 2 / pi * a[i * n + j] * g * s;
            }
        for (int i = 0; i < n; i++) b[i * n + i] += c[i];
        double[] bx = new double[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double bij = b[i * n + j];
                if (bij != 0) for (int e = 0; e < d; e++) bx[i * d + e] += bij * x[j * d + e];
            }
        double[] out = new double[d * d];
        for (int i = 0; i < n; i++)
            for (int e = 0; e < d; e++) {
                double xe = x[i * d + e];
                for (int f = 0; f < d; f++) out[e * d + f] += xe * bx[i * d + f];
            }
        return out;
    }
}
