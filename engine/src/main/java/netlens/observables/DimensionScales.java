package netlens.observables;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlens.observe.Layer;
import netlens.observe.Measurement;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;
import netlens.probe.Neighbours;

/**
 * Intrinsic dimension at more than one scale, beside TwoNN, on a stratified subset of
 * {@code samples} probe samples (the TwoNN subset):
 * <ul>
 *   <li>Levina & Bickel's maximum-likelihood estimate (2004) from the k nearest neighbours, for
 *       k = kMin … kMax, pooled over points as MacKay & Ghahramani (2005) advise:
 *       m̂_k = [ (1/(n(k−1))) Σ_x Σ_{j<k} log(T_k(x)/T_j(x)) ]⁻¹ ("id_levina_bickel_k", a table of k and
 *       m̂_k), and its mean over k ("id_levina_bickel", their estimate);</li>
 *   <li>GRIDE (Denti, Doimo, Laio & Mira 2022): the maximum-likelihood d of the ratios
 *       μ = r_{2m}/r_m of every point's 2m-th to m-th neighbour distance, whose density is
 *       f(μ) = d (μ^d − 1)^{m−1} / (μ^{(2m−1)d+1} B(m, m)), for m = 1, 2, 4 … maxOrder: the dimension
 *       against the scale, the mean distance r_{2m} ("id_gride": order, scale, dimension). m = 1 is
 *       TwoNN's likelihood (without its (n − 1)/n factor).</li>
 * </ul>
 * A point whose needed distances are zero (duplicates) or equal is left out of that estimate.
 */
public record DimensionScales(int samples, int kMin, int kMax, int maxOrder) implements Observable {
    public DimensionScales {
        if (samples < 3) throw new IllegalArgumentException("samples must be >= 3, got " + samples);
        if (kMin < 2 || kMax < kMin) throw new IllegalArgumentException("need 2 <= kMin <= kMax, got " + kMin + " … " + kMax);
        if (maxOrder < 1) throw new IllegalArgumentException("maxOrder must be >= 1, got " + maxOrder);
    }

    @Override
    public String key() {
        return "intrinsic_dimension_scales";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.FEATURES);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() ? Set.of() : Set.of("id_levina_bickel", "id_levina_bickel_k", "id_gride");
    }

    @Override
    public Measurements atLayer(Probe probe, Layer layer) {
        int[] subset = probe.subset("id", samples);
        int n = subset.length, k = Math.min(Math.max(kMax, 2 * maxOrder), n - 1);
        double[] r = Neighbours.distances(layer.rows(subset), n, layer.width(), k, probe.gemm().blas());
        List<List<Object>> byK = new ArrayList<>();
        double sum = 0;
        int counted = 0;
        for (int kk = kMin; kk <= Math.min(kMax, k); kk++) {
            double m = levinaBickel(r, n, k, kk);
            byK.add(List.of(kk, m));
            if (Double.isFinite(m)) {
                sum += m;
                counted++;
            }
        }
        List<List<Object>> scales = new ArrayList<>();
        for (int m = 1; 2 * m <= k && m <= maxOrder; m *= 2) {
            double[] mu = ratios(r, n, k, m);
            double scale = 0;
            for (int i = 0; i < n; i++) scale += r[i * k + 2 * m - 1] / n;
            scales.add(List.of(m, scale, gride(mu, m)));
        }
        return new Measurements().put("id_levina_bickel", counted == 0 ? Double.NaN : sum / counted)
                .put("id_levina_bickel_k", new Measurement.Table(List.of("k", "dimension"), byK))
                .put("id_gride", new Measurement.Table(List.of("order", "scale", "dimension"), scales));
    }

    /** m̂_k pooled over points from their sorted neighbour distances r (n × width, row-major). */
    static double levinaBickel(double[] r, int n, int width, int k) {
        double logs = 0;
        int points = 0;
        for (int i = 0; i < n; i++) {
            double tk = r[i * width + k - 1];
            if (!(r[i * width] > 0) || !(tk > r[i * width])) continue;
            for (int j = 0; j < k - 1; j++) logs += Math.log(tk / r[i * width + j]);
            points++;
        }
        return points == 0 ? Double.NaN : points * (k - 1) / logs;
    }

    /** μ = r_{2m}/r_m of every point where it is defined and above 1. */
    static double[] ratios(double[] r, int n, int width, int m) {
        double[] mu = new double[n];
        int used = 0;
        for (int i = 0; i < n; i++) {
            double near = r[i * width + m - 1], far = r[i * width + 2 * m - 1];
            if (near > 0 && far > near) mu[used++] = far / near;
        }
        return java.util.Arrays.copyOf(mu, used);
    }

    /**
     * The d maximising Σ log f(μᵢ): the root of the score Σ [1/d + (m−1) log μ/(1 − μ^−d) − (2m−1) log μ],
     * which falls monotonically in d, by bisection; m = 1 gives n/Σ log μ.
     */
    static double gride(double[] mu, int m) {
        if (mu.length == 0) return Double.NaN;
        double logs = 0;
        for (double v : mu) logs += Math.log(v);
        if (m == 1) return mu.length / logs;
        double lo = 1e-6, hi = 1;
        while (score(mu, m, hi) > 0 && hi < 1e6) hi *= 2;
        for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (score(mu, m, mid) > 0) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double score(double[] mu, int m, double d) {
        double s = 0;
        for (double v : mu) {
            double log = Math.log(v);
            s += 1 / d + (m - 1) * log / -Math.expm1(-d * log) - (2 * m - 1) * log;
        }
        return s;
    }
}
