package netlens.linalg;

import java.nio.FloatBuffer;

/**
 * Matrix products split over the rows of C into tiles whose shapes depend only on the problem,
 * never on the thread count, so results are bit-identical for any number of workers.
 */
public final class Gemm {
    /** Rows of C per tile. */
    static final int TILE_ROWS = 64;
    /** Below this many multiply-adds one BLAS call beats the cost of waking a worker. */
    static final long SPLIT_WORK = 1L << 18;

    private final Blas blas;
    private final Workers workers;

    public Gemm(Blas blas, Workers workers) {
        this.blas = blas;
        this.workers = workers;
    }

    public Blas blas() {
        return blas;
    }

    public Workers workers() {
        return workers;
    }

    /** C = alpha·op(A)·op(B) + beta·C, row-major, with op(A) m×k and op(B) k×n. */
    public void multiply(boolean transA, boolean transB, int m, int n, int k, float alpha,
                         FloatBuffer a, int offA, int lda, FloatBuffer b, int offB, int ldb,
                         float beta, FloatBuffer c, int offC, int ldc) {
        int tiles = (long) m * n * k < SPLIT_WORK ? 1 : (m + TILE_ROWS - 1) / TILE_ROWS;
        if (tiles == 1) {
            blas.sgemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
            return;
        }
        workers.forEach(tiles, t -> {
            int i0 = t * TILE_ROWS;
            int rows = Math.min(TILE_ROWS, m - i0);
            int tileA = transA ? offA + i0 : offA + i0 * lda;
            blas.sgemm(transA, transB, rows, n, k, alpha, a, tileA, lda, b, offB, ldb, beta, c, offC + i0 * ldc, ldc);
        });
    }

    /** C = A·Bᵀ (+ C when accumulate): the product of a batch with a weight matrix stored out×in. */
    public void timesTransposed(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        check(a.cols == b.cols && c.rows == a.rows && c.cols == b.rows, "A·Bᵀ", a, b, c);
        multiply(false, true, a.rows, b.rows, a.cols, 1f, a.buffer(), a.offset(), a.cols,
                b.buffer(), b.offset(), b.cols, accumulate ? 1f : 0f, c.buffer(), c.offset(), c.cols);
    }

    /** C = A·B (+ C when accumulate). */
    public void times(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        check(a.cols == b.rows && c.rows == a.rows && c.cols == b.cols, "A·B", a, b, c);
        multiply(false, false, a.rows, b.cols, a.cols, 1f, a.buffer(), a.offset(), a.cols,
                b.buffer(), b.offset(), b.cols, accumulate ? 1f : 0f, c.buffer(), c.offset(), c.cols);
    }

    /** C = Aᵀ·B (+ C when accumulate): the weight gradient of a batch. */
    public void transposedTimes(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        check(a.rows == b.rows && c.rows == a.cols && c.cols == b.cols, "Aᵀ·B", a, b, c);
        multiply(true, false, a.cols, b.cols, a.rows, 1f, a.buffer(), a.offset(), a.cols,
                b.buffer(), b.offset(), b.cols, accumulate ? 1f : 0f, c.buffer(), c.offset(), c.cols);
    }

    private static void check(boolean ok, String op, Matrix a, Matrix b, Matrix c) {
        if (!ok) throw new IllegalArgumentException(op + ": shapes " + a.rows + "x" + a.cols + ", "
                + b.rows + "x" + b.cols + " -> " + c.rows + "x" + c.cols);
    }
}
