package netlens.util;

import java.util.SplittableRandom;

/**
 * Seeded randomness with named, independent streams ("init", "shuffle", "data", …), so adding a
 * random draw in one place never shifts the numbers of another. SplitMix64 and Box–Muller are
 * fully specified, so a seed gives the same numbers on every JDK.
 */
public final class Rng {
    private final SplittableRandom random;
    private double spare = Double.NaN;

    private Rng(long seed) {
        random = new SplittableRandom(seed);
    }

    public static Rng stream(long seed, String name) {
        long h = 0xcbf29ce484222325L;   // FNV-1a of the name, mixed with the seed
        for (int i = 0; i < name.length(); i++) h = (h ^ name.charAt(i)) * 0x100000001b3L;
        return new Rng(seed * 0x9E3779B97F4A7C15L ^ h);
    }

    public double uniform() {
        return random.nextDouble();
    }

    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public long nextLong() {
        return random.nextLong();
    }

    /** Standard normal by the polar Box–Muller method. */
    public double gaussian() {
        if (!Double.isNaN(spare)) {
            double s = spare;
            spare = Double.NaN;
            return s;
        }
        double u, v, s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * f;
        return u * f;
    }

    /** Fisher–Yates shuffle in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A random permutation of 0..n-1. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        shuffle(p);
        return p;
    }
}
