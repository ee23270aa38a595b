package netlens.probe;

/**
 * He & Su's law of data separation (2022): the separation fuzziness D_l = Tr(Σ_W Σ_B⁺) (= K·NC1
 * with netlens' weights) decays geometrically with depth, log D_l ≈ a + b·l. This is the least-
 * squares line through (l, log D_l) over the hidden layers, with Pearson's r and the per-layer
 * factor ρ = e^b.
 */
public record Separation(double slope, double intercept, double pearsonR, double ratio, int layers) {
    public static Separation fit(int[] layer, double[] d) {
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < layer.length; i++) {
            if (!(d[i] > 0) || Double.isInfinite(d[i])) continue;
            double x = layer[i], y = Math.log(d[i]);
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        if (n < 2) return new Separation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        double cxx = sxx - sx * sx / n, cyy = syy - sy * sy / n, cxy = sxy - sx * sy / n;
        double slope = cxy / cxx;
        double r = n > 2 || cyy > 0 ? cxy / Math.sqrt(cxx * cyy) : Double.NaN;
        return new Separation(slope, (sy - slope * sx) / n, r, Math.exp(slope), n);
    }
}
