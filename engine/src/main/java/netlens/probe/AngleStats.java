package netlens.probe;

/**
 * Per-class directions of 2-D points about the origin: the circular mean atan2(Σ sin θ, Σ cos θ)
 * and the circular standard deviation √(−2 ln R), R the mean resultant length (Mardia & Jupp).
 * For a bottleneck layer they show how far apart training pushes the classes' directions.
 */
public record AngleStats(double[] mean, double[] std) {
    public static AngleStats of(float[] xy, int[] labels, int classes) {
        double[] s = new double[classes], c = new double[classes];
        int[] n = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            double x = xy[2 * i], y = xy[2 * i + 1];
            if (x == 0 && y == 0) continue;                  // no direction at the origin (a dead ReLU pair)
            double theta = Math.atan2(y, x);
            s[labels[i]] += Math.sin(theta);
            c[labels[i]] += Math.cos(theta);
            n[labels[i]]++;
        }
        double[] mean = new double[classes], std = new double[classes];
        for (int k = 0; k < classes; k++) {
            if (n[k] == 0) {
                mean[k] = std[k] = Double.NaN;
                continue;
            }
            mean[k] = Math.atan2(s[k], c[k]);
            double r = Math.hypot(s[k], c[k]) / n[k];
            std[k] = Math.sqrt(-2 * Math.log(Math.min(1, r)));
        }
        return new AngleStats(mean, std);
    }
}
