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

    /**
     * The upper triangle (i ≤ j) of the n×n C = alpha·op(A)·op(A)ᵀ + beta·C, a symmetric product in
     * half the flops of a general one: op(A) = A (n×k) or, with trans, Aᵀ for A k×n; A at offA with
     * row stride lda, C at offC with row stride ldc. The strictly lower triangle of C is unspecified.
     */
    void ssyrk(boolean trans, int n, int k, float alpha, FloatBuffer a, int offA, int lda, float beta, FloatBuffer c, int offC, int ldc);

    /**
     * Solves A X = B for symmetric positive-definite A (n×n, row-major, only read) and B (n×m,
     * row-major), by Cholesky. Returns X, or null when A is not positive definite.
     */
    double[] solvePositive(double[] a, int n, double[] b, int m);

    /**
     * The Cholesky factor R (upper triangular, row-major n×n, A = RᵀR) of a symmetric
     * positive-definite A (only read), or null when A is not positive definite; for a matrix that
     * solves several right-hand sides in turn ({@link #solveFactored}).
     */
    double[] cholesky(double[] a, int n);

    /** x solving A x = b from A's {@link #cholesky} factor R: Rᵀy = b, then R x = y. */
    default double[] solveFactored(double[] r, int n, double[] b) {
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            double sum = x[i];
            for (int j = 0; j < i; j++) sum -= r[j * n + i] * x[j];
            x[i] = sum / r[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = x[i];
            for (int j = i + 1, row = i * n; j < n; j++) sum -= r[row + j] * x[j];
            x[i] = sum / r[i * n + i];
        }
        return x;
    }

    /**
     * Eigendecomposition of a symmetric n×n matrix (row-major, only read).
     * Eigenvalues ascend; eigenvector j is row j of {@code vectors} (see {@link SymmetricEigen}).
     */
    SymmetricEigen eigh(double[] a, int n);

    /** All eigenvalues of a symmetric n×n matrix (row-major, only read), ascending, without the vectors' cost. */
    default double[] eigenvalues(double[] a, int n) {
        return eigh(a, n).values();
    }

    /** The m largest eigenpairs of a symmetric n×n matrix (row-major, only read), values ascending. */
    default SymmetricEigen top(double[] a, int n, int m) {
        SymmetricEigen all = eigh(a, n);
        double[] values = java.util.Arrays.copyOfRange(all.values(), n - m, n);
        double[] vectors = java.util.Arrays.copyOfRange(all.vectors(), (n - m) * n, n * n);
        return new SymmetricEigen(n, values, vectors);
    }
}
