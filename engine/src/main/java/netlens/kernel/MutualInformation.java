package netlens.kernel;

import java.util.Arrays;

/**
 * Mutual information between a one-dimensional feature and a binary label by k nearest neighbours
 * (docs/definitions.md §3): for each sample, r₊ and r₋ are the distances to its k-th nearest
 * neighbour with the same and with the other label; q = 1/(1 + (r₊/r₋)^d) estimates the
 * probability of its own label, and I = 1 − ⟨H₂(q)⟩ bits, with H₂ the binary entropy and d = 1.
 */
public final class MutualInformation {
    private MutualInformation() {}

    public static double knn(double[] feature, int[] labels, int k) {
        double[][] sorted = new double[2][];
        for (int c = 0; c < 2; c++) {
            int cls = c;
            sorted[c] = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == cls)
                    .mapToDouble(i -> feature[i]).sorted().toArray();
        }
        if (sorted[0].length <= k || sorted[1].length <= k) return Double.NaN;
        double entropy = 0;
        for (int i = 0; i < feature.length; i++) {
            int own = labels[i] == 1 ? 1 : 0;
            double same = kth(sorted[own], feature[i], k, true);
            double other = kth(sorted[1 - own], feature[i], k, false);
            double q = other == 0 ? (same == 0 ? 0.5 : 0) : 1 / (1 + same / other);
            entropy += binaryEntropy(q);
        }
        return 1 - entropy / feature.length;
    }

    /** Distance from v to its k-th nearest value in a sorted array (skipping v itself once when it belongs there). */
    private static double kth(double[] values, double v, int k, boolean containsSelf) {
        int hi = Arrays.binarySearch(values, v);
        if (hi < 0) hi = -hi - 1;
        int lo = hi - 1;
        boolean skipped = !containsSelf;
        double d = 0;
        for (int found = 0; found < k; ) {
            double left = lo >= 0 ? v - values[lo] : Double.POSITIVE_INFINITY;
            double right = hi < values.length ? values[hi] - v : Double.POSITIVE_INFINITY;
            if (left <= right) {
                d = left;
                lo--;
            } else {
                d = right;
                hi++;
            }
            if (!skipped && d == 0) {
                skipped = true;                                  // the sample itself
                continue;
            }
            found++;
        }
        return d;
    }

    private static double binaryEntropy(double q) {
        if (q <= 0 || q >= 1) return 0;
        return -(q * Math.log(q) + (1 - q) * Math.log(1 - q)) / Math.log(2);
    }
}
