package netlens.run;

/**
 * A power-law fit ε ≈ A·p^(−β) of test error against training-set size (docs/definitions.md §5): least
 * squares of log ε on log p over every (p, ε) point with ε > 0 (each seed a point), with β's
 * two-sided 95 % confidence interval from Student's t on the slope's standard error.
 */
public record LearningCurve(double beta, double betaLow, double betaHigh, double logIntercept, int points) {
    // t_{0.975, df} for df = 1 … 30.
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
            2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

    public static LearningCurve fit(double[] p, double[] error) {
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(error[i] > 0) || !(p[i] > 0)) continue;
            double x = Math.log(p[i]), y = Math.log(error[i]);
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        if (n < 2) return new LearningCurve(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        double cxx = sxx - sx * sx / n, slope = (sxy - sx * sy / n) / cxx, intercept = (sy - slope * sx) / n;
        if (n < 3 || cxx == 0) return new LearningCurve(-slope, Double.NaN, Double.NaN, intercept, n);
        double rss = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(error[i] > 0) || !(p[i] > 0)) continue;
            double r = Math.log(error[i]) - intercept - slope * Math.log(p[i]);
            rss += r * r;
        }
        double se = Math.sqrt(rss / (n - 2) / cxx);
        double t = quantile(n - 2);
        return new LearningCurve(-slope, -slope - t * se, -slope + t * se, intercept, n);
    }

    /** Student's t quantile 0.975 for df degrees of freedom (tabulated to 30, then the normal limit with a 1/df correction). */
    static double quantile(int df) {
        return df <= 30 ? T975[df - 1] : 1.95996 + 2.4 / df;
    }

    /** The fitted error at p. */
    public double at(double p) {
        return Math.exp(logIntercept - beta * Math.log(p));
    }
}
