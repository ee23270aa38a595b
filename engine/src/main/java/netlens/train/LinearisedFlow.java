package netlens.train;

import netlens.linalg.Blas;

/**
 * Gradient flow of a margin loss on a network's linearisation around θ₀ (the lazy limit),
 * integrated in function space. With the α-trick the margins z = y·α(f − f₀) move by
 * <pre>
 *   dz/dt = K s(z),   K_ij = y_i y_j Θ₀(x_i, x_j) / p,   s = −ℓ'(z) ≥ 0            (1)
 * </pre>
 * (α cancels: the kernel of α(f − f₀) is α²Θ₀ and the loss ℓ/α²), so z = K c with
 * c(t) = ∫₀ᵗ s(z) dt', and the parameters are θ₀ + (1/(αp)) Σᵢ yᵢ cᵢ ∇f(xᵢ; θ₀).
 * <p>
 * K's eigenvalues span many decades: an explicit step is capped near 2/(λ_max ℓ''_max) while the
 * last margins reach 1 along the smallest eigenvalues, so explicit Euler takes ~10⁵ steps from
 * p = 128 on (the stripe at α = 1000). Backward Euler is stable at any dt for a PSD K and a convex ℓ:
 * <pre>
 *   z' = z + dt K s(z'),   c' = c + dt s(z'),
 * </pre>
 * solved by Newton, whose Jacobian I + dt K D (D = diag ℓ''(z')) is inverted through the SPD
 * M = I + dt D^½ K D^½ by Woodbury: (I + dt K D)⁻¹ = I − dt K D^½ M⁻¹ D^½. Samples whose ℓ'' is
 * too small to matter (dt ℓ''ᵢ maxⱼ Θ₀(xⱼ, xⱼ) < 10⁻³, the margins far above 1) are left out of M,
 * and M's factorisation serves later iterations and steps while Newton still contracts fast: the
 * Jacobian is then approximate, which slows Newton but does not move its root.
 * <p>
 * A step is kept when the rates, all that drives the flow, change by ‖s' − s‖²/‖s‖² &lt; maxDgrad,
 * the explicit flow's accuracy test; its maxDout and maxDt guard explicit steps against instability,
 * which backward Euler does not have (with them, steps at p = 4,096 are 700 rather than 380, for the
 * same trajectory). The next dt follows the change seen, which grows as dt², up to 4× per step. The
 * step on which the last margin reaches 1 is shortened to end there (within 10⁻³), as the explicit
 * flow stops at the first step past it.
 */
final class LinearisedFlow {
    /** Newton stops when no margin equation is off by more than this. */
    private static final double NEWTON_TOLERANCE = 1e-10;
    private static final int NEWTON_ITERATIONS = 30;
    /** Jacobian columns whose weight dt ℓ''ᵢ Θ₀max is below this are left out of M. */
    private static final double NEGLIGIBLE = 1e-3;
    /** How far above 1 the smallest margin may end on the step that reaches it. */
    private static final double LANDING = 1e-3;

    private final double[] k;
    private final int p;
    private final Loss.Margin loss;
    private final OptimizerSpec.GradientFlow spec;
    private final Blas blas;
    private final double diagonalMax;
    private final double[] c, z, s;
    private Jacobian jacobian;
    private double dt, time;
    private long steps, solves;

    /**
     * The flow from the α-trick's start, every margin 0, under the kernel Θ₀ between the p training
     * samples (row-major, overwritten with K) with labels signs (±1).
     */
    LinearisedFlow(double[] theta, int p, int[] signs, Loss.Margin loss, OptimizerSpec.GradientFlow spec, Blas blas) {
        this.k = theta;
        this.p = p;
        this.loss = loss;
        this.spec = spec;
        this.blas = blas;
        double max = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) k[i * p + j] *= (double) signs[i] * signs[j] / p;
            max = Math.max(max, k[i * p + i]);
        }
        this.diagonalMax = max;
        this.c = new double[p];
        this.z = new double[p];
        this.s = rates(z);
        this.dt = spec.lr();
    }

    double time() {
        return time;
    }

    long steps() {
        return steps;
    }

    /** Cholesky factorisations of Newton's matrix (at most p × p) so far. */
    long solves() {
        return solves;
    }

    /** c(t) = ∫₀ᵗ s(z) dt', the coefficients of the parameters' move. */
    double[] coefficients() {
        return c.clone();
    }

    /** The training margins z = K c. */
    double[] margins() {
        return z.clone();
    }

    double minMargin() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : z) m = Math.min(m, v);
        return m;
    }

    /** One accepted step; false when no dt down to 10⁻¹² of the first one could be taken. */
    boolean step() {
        while (dt >= spec.lr() * 1e-12) {
            double[] trial = solve(dt);
            if (trial == null) {
                dt *= 0.25;
                continue;
            }
            double[] rate = rates(trial);
            double dgrad = relativeChange(rate);
            if (dgrad >= spec.maxDgrad()) {
                dt *= Math.max(0.1, 0.9 * Math.sqrt(spec.maxDgrad() / dgrad));
                continue;
            }
            double taken = dt;
            if (minMargin() < 1 && min(trial) >= 1 + LANDING) {
                Landing l = landing(dt, trial);
                taken = l.h();
                trial = l.trial();
                rate = rates(trial);
            }
            accept(taken, trial, rate);
            dt = taken * (dgrad == 0 ? 4 : Math.min(4, Math.max(1, 0.9 * Math.sqrt(spec.maxDgrad() / dgrad))));
            return true;
        }
        return false;
    }

    private void accept(double h, double[] trial, double[] rate) {
        for (int i = 0; i < p; i++) c[i] += h * rate[i];
        System.arraycopy(trial, 0, z, 0, p);
        System.arraycopy(rate, 0, s, 0, p);
        time += h;
        steps++;
    }

    private record Landing(double h, double[] trial) {}

    /**
     * The dt in (0, h] whose step brings the smallest margin to [1, 1 + LANDING], with its margins,
     * by the Illinois variant of regula falsi on min z'(dt) − 1, continuous from < 0 to > 0; h's own
     * step (margins {@code atH}) if the search fails.
     */
    private Landing landing(double h, double[] atH) {
        double lo = 0, flo = minMargin() - 1, hi = h, fhi = min(atH) - 1;
        Landing best = new Landing(h, atH);
        int side = 0;
        for (int i = 0; i < 60; i++) {
            double mid = (lo * fhi - hi * flo) / (fhi - flo);
            double[] trial = solve(mid);
            if (trial == null) return best;
            double f = min(trial) - 1;
            if (f >= 0 && f <= LANDING) return new Landing(mid, trial);
            if (f < 0) {
                lo = mid;
                flo = f;
                if (side == -1) fhi /= 2;
                side = -1;
            } else {
                best = new Landing(mid, trial);
                hi = mid;
                fhi = f;
                if (side == 1) flo /= 2;
                side = 1;
            }
        }
        return best;
    }

    /**
     * M = I + h D^½ K D^½ over the kept samples, factorised at some iterate: Newton's matrix, reused
     * (simplified Newton) while it keeps the iterations contracting and the step is within 3× of h.
     */
    private record Jacobian(double h, int[] kept, double[] root, double[] factor) {}

    /** z' solving z' = z + h K s(z') by Newton from the explicit step, or null when Newton fails. */
    private double[] solve(double h) {
        double[] next = z.clone(), step = multiply(s);
        for (int i = 0; i < p; i++) next[i] += h * step[i];
        double previous = Double.POSITIVE_INFINITY;
        int factoredAt = -2;
        for (int iteration = 0; iteration < NEWTON_ITERATIONS; iteration++) {
            double[] ks = multiply(rates(next));
            double[] residual = new double[p];
            double worst = 0;
            for (int i = 0; i < p; i++) {
                residual[i] = next[i] - z[i] - h * ks[i];
                worst = Math.max(worst, Math.abs(residual[i]));
            }
            if (!Double.isFinite(worst)) return null;
            if (worst <= NEWTON_TOLERANCE) return next;
            boolean stale = jacobian == null || jacobian.h() > 3 * h || jacobian.h() < h / 3
                    || worst > 0.25 * previous && factoredAt != iteration - 1;
            if (stale) {
                jacobian = null;                     // its memory is needed for the next one
                jacobian = factorise(h, next);
                if (jacobian == null) return null;
                factoredAt = iteration;
            }
            previous = worst;
            double[] correction = newtonStep(jacobian, residual);
            for (int i = 0; i < p; i++) next[i] -= correction[i];
        }
        return null;
    }

    /** M at margins {@code at}, over the samples whose ℓ'' matters, factorised (null when Cholesky fails). */
    private Jacobian factorise(double h, double[] at) {
        solves++;
        int[] kept = new int[p];
        double[] root = new double[p];
        int m = 0;
        for (int i = 0; i < p; i++) {
            double d = loss.curvature(at[i]);
            if (h * d * diagonalMax * p >= NEGLIGIBLE) {
                kept[m] = i;
                root[m++] = Math.sqrt(d);
            }
        }
        kept = java.util.Arrays.copyOf(kept, m);
        root = java.util.Arrays.copyOf(root, m);
        double[] mm = new double[m * m];
        for (int a = 0; a < m; a++) {
            int row = kept[a] * p;
            for (int b = 0; b < m; b++) mm[a * m + b] = h * root[a] * k[row + kept[b]] * root[b];
            mm[a * m + a] += 1;
        }
        double[] factor = m == 0 ? mm : blas.cholesky(mm, m);
        return factor == null ? null : new Jacobian(h, kept, root, factor);
    }

    /** (I + h K D)⁻¹ r = r − h K D^½ M⁻¹ D^½ r with M's h and D. */
    private double[] newtonStep(Jacobian j, double[] r) {
        int m = j.kept().length;
        if (m == 0) return r;
        double[] rhs = new double[m];
        for (int a = 0; a < m; a++) rhs[a] = j.root()[a] * r[j.kept()[a]];
        double[] u = blas.solveFactored(j.factor(), m, rhs);
        double[] v = new double[p];
        for (int a = 0; a < m; a++) v[j.kept()[a]] = j.root()[a] * u[a];
        double[] kv = multiply(v);
        double[] out = r.clone();
        for (int i = 0; i < p; i++) out[i] -= j.h() * kv[i];
        return out;
    }

    private double[] rates(double[] margins) {
        double[] out = new double[p];
        for (int i = 0; i < p; i++) out[i] = -loss.derivative(margins[i]);
        return out;
    }

    /**
     * K v as Σⱼ vⱼ K[j, ·] (K is symmetric: rows are read whole), over the vⱼ above 10⁻¹⁷ of the
     * largest, so that late in the flow, when most rates have decayed, it costs p × (the samples
     * near their margin); what is left out is below double rounding of the sum.
     */
    private double[] multiply(double[] v) {
        double largest = 0;
        for (double x : v) largest = Math.max(largest, Math.abs(x));
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            double vj = v[j];
            if (Math.abs(vj) <= 1e-17 * largest || vj == 0) continue;
            for (int i = 0, row = j * p; i < p; i++) out[i] += vj * k[row + i];
        }
        return out;
    }

    private double relativeChange(double[] rate) {
        double diff = 0, old = 0;
        for (int i = 0; i < p; i++) {
            diff += (rate[i] - s[i]) * (rate[i] - s[i]);
            old += s[i] * s[i];
        }
        return old == 0 ? 0 : diff / old;
    }


    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) m = Math.min(m, x);
        return m;
    }
}
