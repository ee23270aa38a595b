package netlens.linalg;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * The dense kernels netlens needs, row-major throughout. Offsets index into the buffers' absolute
 * positions. Implementations are single-threaded; {@link Gemm} splits work across Java threads.
 */
public interface Blas {
    /** Short name for logs and run.json, e.g. "openblas 0.3.30 (Zen)". */
    String name();

    /** C = alpha·op(A)·op(B) + beta·C with op(A) m×k, op(B) k×n, C m×n. */
    void sgemm(boolean transA, boolean transB, int m, int n, int k,
               float alpha, FloatBuffer a, int offA, int lda,
               FloatBuffer b, int offB, int ldb,
               float beta, FloatBuffer c, int offC, int ldc);

    /** The double-precision C = alpha·op(A)·op(B) + beta·C, for statistics that must not lose digits. */
    void dgemm(boolean transA, boolean transB, int m, int n, int k,
               double alpha, DoubleBuffer a, int offA, int lda,
               DoubleBuffer b, int offB, int ldb,
               double beta, DoubleBuffer c, int offC, int ldc);

    /** C = alpha·AᵀA + beta·C for A k×n; fills both triangles of the n×n C. */
    void dsyrk(int n, int k, double alpha, DoubleBuffer a, int lda, double beta, DoubleBuffer c);

    /**
     * Solves A X = B for symmetric positive-definite A (n×n, row-major, only read) and B (n×m,
     * row-major), by Cholesky. Returns X, or null when A is not positive definite.
     */
    double[] solvePositive(double[] a, int n, double[] b, int m);

    /**
     * Eigendecomposition of a symmetric n×n matrix (row-major, only read).
     * Eigenvalues ascend; eigenvector j is column j of the row-major n×n {@code vectors}.
     */
    SymmetricEigen eigh(double[] a, int n);
}
