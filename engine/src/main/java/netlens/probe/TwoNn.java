package netlens.probe;

import java.util.Arrays;
import netlens.linalg.Blas;
import netlens.util.Rng;

/**
 * Intrinsic dimension by TwoNN (Facco, d'Errico, Rodriguez & Laio 2017): for each point the ratio
 * μ = r₂/r₁ of its second- to first-nearest-neighbour distance follows F(μ) = 1 − μ^(−d). Points
 * with a duplicate (r₁ = 0) or a tie (r₂ = r₁) are dropped. Two estimates:
 * the fit of −log(1 − F(μ)) = d·log μ through the origin on the lowest 90 % of μ, and the maximum
 * likelihood d = (n − 1)/Σ log μ; each with a bootstrap standard error over the μ values.
 * Neighbours come from {@link Neighbours}.
 */
public final class TwoNn {
    private static final int BOOTSTRAP = 100;

    /** Estimates with bootstrap standard errors, and how many points were used and dropped. */
    public record Estimate(double fit, double fitError, double mle, double mleError, int used, int dropped) {}

    private TwoNn() {}

    public static Estimate estimate(float[] x, int n, int d, Blas blas, long seed) {
        double[] mu = ratios(x, n, d, blas);
        int dropped = n - mu.length;
        if (mu.length < 3) return new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, mu.length, dropped);
        Rng rng = Rng.stream(seed, "twonn-bootstrap");
        double[] fits = new double[BOOTSTRAP], mles = new double[BOOTSTRAP];
        double[] sample = new double[mu.length];
        for (int b = 0; b < BOOTSTRAP; b++) {
            for (int i = 0; i < sample.length; i++) sample[i] = mu[rng.nextInt(mu.length)];
            fits[b] = fit(sample.clone());
            mles[b] = mle(sample);
        }
        return new Estimate(fit(mu.clone()), std(fits), mle(mu), std(mles), mu.length, dropped);
    }

    /** d from the straight-line fit through the origin on the lowest 90 % of the sorted ratios. */
    static double fit(double[] mu) {
        Arrays.sort(mu);
        int n = mu.length, keep = (int) Math.floor(0.9 * n);
        double sxy = 0, sxx = 0;
        for (int i = 0; i < keep; i++) {
            double xi = Math.log(mu[i]);
            double yi = -Math.log(1 - (i + 1.0) / n);     // empirical F at the (i+1)-th smallest ratio
            sxy += xi * yi;
            sxx += xi * xi;
        }
        return sxy / sxx;
    }

    static double mle(double[] mu) {
        double s = 0;
        for (double m : mu) s += Math.log(m);
        return (mu.length - 1) / s;
    }

    /** μᵢ = r₂/r₁ for every point with distinct first and second neighbours. */
    static double[] ratios(float[] x, int n, int d, Blas blas) {
        double[] r = Neighbours.distances(x, n, d, 2, blas);
        double[] out = new double[n];
        int used = 0;
        for (int i = 0; i < n; i++) if (r[2 * i] > 0 && r[2 * i + 1] > r[2 * i]) out[used++] = r[2 * i + 1] / r[2 * i];
        return Arrays.copyOf(out, used);
    }

    private static double std(double[] v) {
        double mean = 0;
        for (double x : v) mean += x;
        mean /= v.length;
        double s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        return Math.sqrt(s / (v.length - 1));
    }
}
