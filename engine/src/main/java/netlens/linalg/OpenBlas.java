package netlens.linalg;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntSupplier;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerScope;
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
     * The eigensolvers pass the symmetric row-major input as column-major (it is its own transpose)
     * and return column-major eigenvectors, which are SymmetricEigen's rows. They reduce the lower
     * triangle: OpenBLAS's dsytrd is faster on it (n = 2,000, two threads: 0.24 s against 0.35).
     */

    /**
     * dsyevd's three steps, with a wider back-transformation: dsytrd to T = Qᵀ A Q, dstedc's divide
     * and conquer for T = Z Λ Zᵀ, then X = Q Z. dsyevd applies Q through dormtr, 32 reflectors per
     * product; here 128 at a time (dlarft + dlarfb), so the products run near dgemm speed (n = 2,000:
     * 0.21 s against 0.29 s), on off-heap copies, which JNI does not copy again. The whole decomposition
     * took 0.52–0.72 s against 0.74–0.92 s for LAPACKE_dsyevd on the same two threads, over runs on a
     * day whose timings drifted by a third (EigenTest checks the pairs against it).
     */
    @Override
    public SymmetricEigen eigh(double[] a, int n) {
        if (n == 0) return new SymmetricEigen(0, new double[0], new double[0]);      // LAPACK wants leading dimensions ≥ 1, as below
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        try (PointerScope scope = new PointerScope()) {
            DoublePointer q = new DoublePointer(a), d = new DoublePointer(n), e = new DoublePointer(Math.max(1, n - 1)),
                    tau = new DoublePointer(Math.max(1, n - 1)), z = new DoublePointer((long) n * n);
            int info = lapack(n, () -> {
                int reduced = openblas.LAPACKE_dsytrd(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, q, n, d, e, tau);
                if (reduced != 0) return reduced;
                int solved = openblas.LAPACKE_dstedc(openblas.LAPACK_COL_MAJOR, (byte) 'I', n, d, e, z, n);
                if (solved == 0) applyQ(q, tau, z, n);
                return solved;
            });
            if (info != 0) throw new ArithmeticException("symmetric eigendecomposition failed (dsytrd/dstedc info " + info + ")");
            d.get(values);
            z.get(vectors);
        }
        return new SymmetricEigen(n, values, vectors);
    }

    /** Reflectors per block of the back-transformation. */
    private static final int REFLECTORS = 128;

    /**
     * z ← Q z for dsytrd's lower reflectors Q = H(1)…H(n−1), whose v_i is stored below the subdiagonal of
     * column i: dormtr's dormqr on the trailing (n−1)-row block, last block first, by blocks of REFLECTORS.
     * Its native buffers belong to the caller's PointerScope.
     */
    private static void applyQ(DoublePointer reflectors, DoublePointer tau, DoublePointer z, int n) {
        int k = n - 1;
        DoublePointer t = new DoublePointer((long) REFLECTORS * REFLECTORS), work = new DoublePointer((long) n * REFLECTORS);
        IntPointer ld = new IntPointer(new int[] {n}), ldt = new IntPointer(new int[] {REFLECTORS}), columns = ld;
        for (int i = k > 0 ? (k - 1) / REFLECTORS * REFLECTORS : -1; i >= 0; i -= REFLECTORS) {
            IntPointer rows = new IntPointer(new int[] {k - i}), block = new IntPointer(new int[] {Math.min(REFLECTORS, k - i)});
            DoublePointer v = reflectors.getPointer(1 + i + (long) i * n), c = z.getPointer(1 + i);
            openblas.LAPACK_dlarft_base("F", "C", rows, block, v, ld, tau.getPointer(i), t, ldt, 1, 1);
            openblas.LAPACK_dlarfb_base("L", "N", "F", "C", rows, columns, block, v, ld, t, ldt, c, ld, work, ld, 1, 1, 1, 1);
        }
    }

    /** dsyevd without vectors: the tridiagonal reduction and its eigenvalues only. */
    @Override
    public double[] eigenvalues(double[] a, int n) {
        if (n == 0) return new double[0];
        double[] scratch = a.clone();
        double[] values = new double[n];
        int info = lapack(n, () -> openblas.LAPACKE_dsyevd(openblas.LAPACK_COL_MAJOR, (byte) 'N', (byte) 'L', n, scratch, n, values));
        if (info != 0) throw new ArithmeticException("dsyevd failed to converge (info " + info + ")");
        return values;
    }

    /** dsyevr (relatively robust representations) for the index range n−m+1..n: only the vectors asked for. */
    @Override
    public SymmetricEigen top(double[] a, int n, int m) {
        if (m == 0) return new SymmetricEigen(n, new double[0], new double[0]);
        double[] scratch = a.clone();
        double[] values = new double[n];
        double[] vectors = new double[n * m];
        int[] found = new int[1];
        int[] support = new int[2 * m];
        int info = lapack(n, () -> openblas.LAPACKE_dsyevr(openblas.LAPACK_COL_MAJOR, (byte) 'V', (byte) 'I', (byte) 'L', n, scratch, n, 0, 0, n - m + 1, n, 0,
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
