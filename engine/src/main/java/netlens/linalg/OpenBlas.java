package netlens.linalg;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntSupplier;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/** OpenBLAS (cblas + LAPACKE) as bundled by org.bytedeco:openblas; reads direct buffers in place. */
final class OpenBlas implements Blas {
    /**
     * LAPACK's eigensolvers and Cholesky factorisations run on EIGEN_THREADS OpenBLAS threads from order EIGEN_SHARED up, whatever the
     * caller's thread count: their tridiagonal reduction sums in an order set by the thread count, so a
     * count fixed by n alone keeps spectra (and reports) byte-identical for every --threads. Below that
     * order a second thread gains little (n = 777: 0.11 → 0.08 s) and would serialise a prober's
     * layers, which already run in parallel.
     */
    static final int EIGEN_THREADS = 2, EIGEN_SHARED = 1000;
    /**
     * OpenBLAS's thread count is global and a threaded gemm's bits depend on it too: every other call
     * holds the read side (one thread), a large LAPACK call the write side while it runs on EIGEN_THREADS.
     */
    private static final ReentrantReadWriteLock THREADS = new ReentrantReadWriteLock();
    private final String name;

    OpenBlas() {
        Loader.load(openblas.class);
        // One BLAS thread per Java worker: two OpenBLAS threads collapse when the other core is busy.
        openblas.blas_set_num_threads(1);
        name = "openblas " + version();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      FloatBuffer a, int offA, int lda, FloatBuffer b, int offB, int ldb,
                      float beta, FloatBuffer c, int offC, int ldc) {
        shared(() -> {
            openblas.cblas_sgemm(openblas.CblasRowMajor,
                    transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                    transB ? openblas.CblasTrans : openblas.CblasNoTrans,
                    m, n, k, alpha, at(a, offA), lda, at(b, offB), ldb, beta, at(c, offC), ldc);
            return 0;
        });
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      DoubleBuffer a, int offA, int lda, DoubleBuffer b, int offB, int ldb,
                      double beta, DoubleBuffer c, int offC, int ldc) {
        shared(() -> {
            openblas.cblas_dgemm(openblas.CblasRowMajor,
                    transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                    transB ? openblas.CblasTrans : openblas.CblasNoTrans,
                    m, n, k, alpha, a.duplicate().position(offA), lda, b.duplicate().position(offB), ldb, beta, c.duplicate().position(offC), ldc);
            return 0;
        });
    }

    @Override
    public void ssyrk(boolean trans, int n, int k, float alpha, FloatBuffer a, int offA, int lda, float beta, FloatBuffer c, int offC, int ldc) {
        shared(() -> {
            openblas.cblas_ssyrk(openblas.CblasRowMajor, openblas.CblasUpper, trans ? openblas.CblasTrans : openblas.CblasNoTrans,
                    n, k, alpha, at(a, offA), lda, beta, at(c, offC), ldc);
            return 0;
        });
    }

    @Override
    public double[] solvePositive(double[] a, int n, double[] b, int m) {
        double[] factor = a.clone();
        double[] x = b.clone();
        return lapack(n, () -> openblas.LAPACKE_dposv(openblas.LAPACK_ROW_MAJOR, (byte) 'U', n, m, factor, n, x, m)) == 0 ? x : null;
    }

    @Override
    public double[] cholesky(double[] a, int n) {
        double[] r = a.clone();
        if (lapack(n, () -> openblas.LAPACKE_dpotrf(openblas.LAPACK_ROW_MAJOR, (byte) 'U', n, r, n)) != 0) return null;
        for (int i = 1; i < n; i++) java.util.Arrays.fill(r, i * n, i * n + i, 0);       // dpotrf leaves the lower triangle as it was
        return r;
    }

    /*
     * The eigensolvers pass the symmetric row-major input as column-major (it is its own transpose), so
     * LAPACKE copies nothing, and return column-major eigenvectors, which are SymmetricEigen's rows.
     */

    @Override
    public SymmetricEigen eigh(double[] a, int n) {
        double[] vectors = a.clone();
        double[] values = new double[n];
        // dsyevd reports its workspace in double precision, which is exact at every n we can hold.
        int info = lapack(n, () -> openblas.LAPACKE_dsyevd(openblas.LAPACK_COL_MAJOR, (byte) 'V', (byte) 'U', n, vectors, n, values));
        if (info != 0) throw new ArithmeticException("dsyevd failed to converge (info " + info + ")");
        return new SymmetricEigen(n, values, vectors);
    }

    /** dsyevd without vectors: the tridiagonal reduction and its eigenvalues only. */
    @Override
    public double[] eigenvalues(double[] a, int n) {
        double[] scratch = a.clone();
        double[] values = new double[n];
        int info = lapack(n, () -> openblas.LAPACKE_dsyevd(openblas.LAPACK_COL_MAJOR, (byte) 'N', (byte) 'U', n, scratch, n, values));
        if (info != 0) throw new ArithmeticException("dsyevd failed to converge (info " + info + ")");
        return values;
    }

    /** dsyevr (relatively robust representations) for the index range n−m+1..n: only the vectors asked for. */
    @Override
    public SymmetricEigen top(double[] a, int n, int m) {
        double[] scratch = a.clone();
        double[] values = new double[n];
        double[] vectors = new double[n * m];
        int[] found = new int[1];
        int[] support = new int[2 * m];
        int info = lapack(n, () -> openblas.LAPACKE_dsyevr(openblas.LAPACK_COL_MAJOR, (byte) 'V', (byte) 'I', (byte) 'U', n, scratch, n, 0, 0, n - m + 1, n, 0,
                found, values, vectors, n, support));
        if (info != 0 || found[0] != m) throw new ArithmeticException("dsyevr failed (info " + info + ", " + found[0] + " of " + m + " eigenpairs)");
        return new SymmetricEigen(n, java.util.Arrays.copyOf(values, m), vectors);
    }

    private static int shared(IntSupplier call) {
        Lock shared = THREADS.readLock();
        shared.lock();
        try {
            return call.getAsInt();
        } finally {
            shared.unlock();
        }
    }

    private static int lapack(int n, IntSupplier lapack) {
        if (n < EIGEN_SHARED) return shared(lapack);
        Lock exclusive = THREADS.writeLock();
        exclusive.lock();
        try {
            openblas.blas_set_num_threads(EIGEN_THREADS);
            return lapack.getAsInt();
        } finally {
            openblas.blas_set_num_threads(1);
            exclusive.unlock();
        }
    }

    private static String version() {
        try {
            return Loader.getVersion("org.bytedeco", "openblas");
        } catch (java.io.IOException e) {
            return "(version unknown)";
        }
    }

    /**
     * The buffer viewed from an offset. JavaCPP passes a direct buffer's address plus its position
     * without copying; a Pointer per call would instead register a deallocator for the GC to track.
     */
    private static FloatBuffer at(FloatBuffer buffer, int offset) {
        return buffer.duplicate().position(buffer.position() + offset);
    }
}
