package netlens.observables;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import netlens.kernel.Gram;
import netlens.linalg.Blas;
import netlens.observe.Layer;
import netlens.observe.Measurement;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;

/**
 * Three centred kernel alignments between every two probed layers, on the linear CKA subset of
 * {@code samples} probe samples (Kornblith, Norouzi, Lee & Hinton 2019): CKA(K, L) =
 * HSIC(K, L)/√(HSIC(K, K) HSIC(L, L)) with
 * <ul>
 *   <li>linear: K = XXᵀ, HSIC(K, L) = tr(KHLH)/(n − 1)², H = I − 11ᵀ/n (the biased estimator);</li>
 *   <li>debiased linear: the unbiased HSIC of Song, Smola, Gretton, Bedo & Borgwardt (2012) on
 *       K̃, L̃ with zero diagonals, HSIC₁ = [tr(K̃L̃) + 1ᵀK̃1·1ᵀL̃1/((n−1)(n−2)) − 2/(n−2)·1ᵀK̃L̃1]/(n(n−3)),
 *       which removes the bias that makes unrelated representations look similar when n is small
 *       against the widths (Nguyen, Raghu & Kornblith 2021);</li>
 *   <li>RBF: K_ij = exp(−‖xᵢ − xⱼ‖²/(2σ²)) with σ = {@code bandwidth} × the median distance between
 *       the samples of that layer, and the biased estimator.</li>
 * </ul>
 * "cka_variants" holds layer_a, layer_b, linear, debiased, rbf for every pair a ≤ b.
 */
public record CkaVariants(int samples, double bandwidth) implements Observable {
    public CkaVariants {
        if (samples < 4) throw new IllegalArgumentException("samples must be >= 4 (the unbiased HSIC needs n > 3), got " + samples);
        if (!(bandwidth > 0)) throw new IllegalArgumentException("bandwidth must be > 0, got " + bandwidth);
    }

    @Override
    public String key() {
        return "cka_variants";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.FEATURES);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() ? Set.of("cka_variants") : Set.of();
    }

    @Override
    public Measurements atProbe(Probe probe) {
        int[] subset = probe.subset("cka", samples);
        int n = subset.length;
        List<Layer> layers = probe.layers();
        List<Kernel> linear = new ArrayList<>(), rbf = new ArrayList<>();
        for (Layer layer : layers) {
            double[] gram = gram(layer.rows(subset), n, layer.width(), probe.gemm().blas());
            linear.add(new Kernel(gram, n));
            rbf.add(new Kernel(rbf(gram, n, bandwidth), n));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int a = 0; a < layers.size(); a++)
            for (int b = a; b < layers.size(); b++)
                rows.add(List.of(layers.get(a).name(), layers.get(b).name(), Kernel.cka(linear.get(a), linear.get(b), false),
                        Kernel.cka(linear.get(a), linear.get(b), true), Kernel.cka(rbf.get(a), rbf.get(b), false)));
        return new Measurements().put("cka_variants", new Measurement.Table(List.of("layer_a", "layer_b", "linear", "debiased", "rbf"), rows));
    }

    /** The linear Gram matrix XXᵀ of n rows of width d, in double. */
    static double[] gram(float[] x, int n, int d, Blas blas) {
        DoubleBuffer xs = ByteBuffer.allocateDirect(8 * n * d).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        for (int i = 0; i < n * d; i++) xs.put(i, x[i]);
        DoubleBuffer g = ByteBuffer.allocateDirect(8 * n * n).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        blas.dgemm(false, true, n, n, d, 1, xs, 0, d, xs, 0, d, 0, g, 0, n);
        double[] out = new double[n * n];
        g.get(0, out);
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) out[j * n + i] = out[i * n + j];   // exactly symmetric
        return out;
    }

    /** The RBF kernel exp(−‖xᵢ − xⱼ‖²/(2σ²)) from a linear Gram matrix, σ = fraction × the median distance. */
    static double[] rbf(double[] gram, int n, double fraction) {
        double[] sq = new double[n * n], distances = new double[n * (n - 1) / 2];
        int at = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                sq[i * n + j] = Math.max(0, gram[i * n + i] + gram[j * n + j] - 2 * gram[i * n + j]);
                if (j < i) distances[at++] = Math.sqrt(sq[i * n + j]);
            }
        Arrays.sort(distances);
        int mid = distances.length / 2;
        double median = distances.length % 2 == 1 ? distances[mid] : 0.5 * (distances[mid - 1] + distances[mid]);
        double sigma2 = fraction * fraction * median * median;
        double[] k = new double[n * n];
        for (int i = 0; i < n * n; i++) k[i] = sigma2 > 0 ? Math.exp(-sq[i] / (2 * sigma2)) : (sq[i] == 0 ? 1 : 0);
        return k;
    }

    /**
     * A kernel matrix with what both HSIC estimators need of it, computed once: HKH for the biased one;
     * its off-diagonal total and row sums for the unbiased one.
     */
    record Kernel(int n, double[] k, double[] centred, double[] offRows) {
        Kernel(double[] k, int n) {
            this(n, k, Gram.doubleCentred(k, n), offRows(k, n));
        }

        /** 1ᵀK̃1, the sum of the off-diagonal entries. */
        double offSum() {
            double s = 0;
            for (double r : offRows) s += r;
            return s;
        }

        /** CKA of two kernels on the same samples, with the biased or the unbiased HSIC. */
        static double cka(Kernel a, Kernel b, boolean unbiased) {
            return hsic(a, b, unbiased) / Math.sqrt(hsic(a, a, unbiased) * hsic(b, b, unbiased));
        }

        static double hsic(Kernel a, Kernel b, boolean unbiased) {
            int n = a.n;
            if (!unbiased) {
                // tr(KHLH) = Σᵢⱼ (HKH)ᵢⱼ (HLH)ᵢⱼ: both centred, so an RBF kernel's entries near 1 cancel before the sum.
                double s = 0;
                for (int i = 0; i < n * n; i++) s += a.centred[i] * b.centred[i];
                return s / ((double) (n - 1) * (n - 1));
            }
            double trace = 0, cross = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) if (i != j) trace += a.k[i * n + j] * b.k[i * n + j];
                cross += a.offRows[i] * b.offRows[i];                         // 1ᵀK̃L̃1 = (K̃1)·(L̃1), K̃ symmetric
            }
            return (trace + a.offSum() * b.offSum() / ((double) (n - 1) * (n - 2)) - 2.0 / (n - 2) * cross) / ((double) n * (n - 3));
        }

        private static double[] offRows(double[] k, int n) {
            double[] rows = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (i != j) rows[i] += k[i * n + j];
            return rows;
        }
    }
}
