package netlens.kernel;

/** A kernel matrix between row samples (n) and column samples (m), row-major, in double precision. */
public record Gram(int rows, int cols, double[] values) {
    public Gram {
        if ((long) rows * cols != values.length) throw new IllegalArgumentException("values do not make a " + rows + "×" + cols + " matrix");
    }

    public double get(int i, int j) {
        return values[i * cols + j];
    }

    /** Bytes a rows×cols double matrix takes. */
    public static long bytes(long rows, long cols) {
        return 8 * rows * cols;
    }
}
