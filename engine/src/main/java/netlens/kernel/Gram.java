package netlens.kernel;

/** A kernel matrix between row samples (n) and column samples (m), row-major, in double precision. */
public record Gram(int rows, int cols, double[] values) {
    public Gram {
        if ((long) rows * cols != values.length) throw new IllegalArgumentException("values do not make a " + rows + "×" + cols + " matrix");
    }

    public double get(int i, int j) {
        return values[i * cols + j];
    }

    /** HKH for a symmetric n×n k, H = I − 11ᵀ/n: every row and column mean removed. */
    public static double[] doubleCentred(double[] k, int n) {
        double[] row = new double[n];
        double all = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) row[i] += k[i * n + j] / n;
            all += row[i] / n;
        }
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) out[i * n + j] = k[i * n + j] - row[i] - row[j] + all;
        return out;
    }

    /** Bytes a rows×cols double matrix takes. */
    public static long bytes(long rows, long cols) {
        return 8 * rows * cols;
    }
}
