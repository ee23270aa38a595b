package netlens.linalg;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/** OpenBLAS (cblas + LAPACKE) as bundled by org.bytedeco:openblas; reads direct buffers in place. */
final class OpenBlas implements Blas {
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
        openblas.cblas_sgemm(openblas.CblasRowMajor,
                transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans,
                m, n, k, alpha, at(a, offA), lda, at(b, offB), ldb, beta, at(c, offC), ldc);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      DoubleBuffer a, int offA, int lda, DoubleBuffer b, int offB, int ldb,
                      double beta, DoubleBuffer c, int offC, int ldc) {
        openblas.cblas_dgemm(openblas.CblasRowMajor,
                transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans,
                m, n, k, alpha, a.duplicate().position(offA), lda, b.duplicate().position(offB), ldb, beta, c.duplicate().position(offC), ldc);
    }

    @Override
    public void ssyrk(boolean trans, int n, int k, float alpha, FloatBuffer a, int offA, int lda, float beta, FloatBuffer c, int offC, int ldc) {
        openblas.cblas_ssyrk(openblas.CblasRowMajor, openblas.CblasUpper, trans ? openblas.CblasTrans : openblas.CblasNoTrans,
                n, k, alpha, at(a, offA), lda, beta, at(c, offC), ldc);
    }

    @Override
    public double[] solvePositive(double[] a, int n, double[] b, int m) {
        double[] factor = a.clone();
        double[] x = b.clone();
        int info = openblas.LAPACKE_dposv(openblas.LAPACK_ROW_MAJOR, (byte) 'U', n, m, factor, n, x, m);
        return info == 0 ? x : null;
    }

    @Override
    public SymmetricEigen eigh(double[] a, int n) {
        double[] vectors = a.clone();
        double[] values = new double[n];
        // dsyevd reports its workspace in double precision, which is exact at every n we can hold.
        int info = openblas.LAPACKE_dsyevd(openblas.LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'U', n, vectors, n, values);
        if (info != 0) throw new ArithmeticException("dsyevd failed to converge (info " + info + ")");
        return new SymmetricEigen(n, values, vectors);
    }

    /** dsyevd without vectors: the tridiagonal reduction and its eigenvalues only. */
    @Override
    public double[] eigenvalues(double[] a, int n) {
        double[] scratch = a.clone();
        double[] values = new double[n];
        int info = openblas.LAPACKE_dsyevd(openblas.LAPACK_ROW_MAJOR, (byte) 'N', (byte) 'U', n, scratch, n, values);
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
        int info = openblas.LAPACKE_dsyevr(openblas.LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'I', (byte) 'U', n, scratch, n, 0, 0, n - m + 1, n, 0,
                found, values, vectors, m, support);
        if (info != 0 || found[0] != m) throw new ArithmeticException("dsyevr failed (info " + info + ", " + found[0] + " of " + m + " eigenpairs)");
        return new SymmetricEigen(n, java.util.Arrays.copyOf(values, m), vectors);
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
