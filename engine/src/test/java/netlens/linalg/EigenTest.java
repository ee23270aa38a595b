package netlens.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Symmetric eigendecomposition of matrices built as Q Λ Qᵀ with known Λ, for both backends. */
class EigenTest {
    private static void check(Blas blas) {
        Random r = new Random(3);
        int n = 40;
        double[] q = RandomMatrices.orthogonal(n, r);
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) lambda[i] = i < 3 ? 0 : Math.exp(r.nextGaussian() * 2);   // a 3-fold zero eigenvalue
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) s += q[i * n + p] * lambda[p] * q[j * n + p];
                a[i * n + j] = s;
            }
        double[] sorted = lambda.clone();
        Arrays.sort(sorted);
        double[] values = blas.eigenvalues(a, n);
        for (int i = 0; i < n; i++) assertEquals(sorted[i], values[i], 1e-9 * (1 + sorted[n - 1]), blas.name() + " eigenvalue " + i + " alone");
        pairs(blas.eigh(a, n), a, Arrays.copyOfRange(sorted, 0, n), blas.name());
        pairs(blas.top(a, n, 5), a, Arrays.copyOfRange(sorted, n - 5, n), blas.name() + " top 5");
    }

    /** The eigenvalues are the expected ones, and A v = λ v with ‖v‖ = 1 for each vector. */
    private static void pairs(SymmetricEigen eig, double[] a, double[] expected, String what) {
        int n = eig.n(), m = expected.length;
        assertEquals(m, eig.values().length, what);
        for (int j = 0; j < m; j++) {
            assertEquals(expected[j], eig.values()[j], 1e-9 * (1 + expected[m - 1]), what + " eigenvalue " + j);
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int p = 0; p < n; p++) av += a[i * n + p] * eig.vector(j, p);
                assertEquals(eig.values()[j] * eig.vector(j, i), av, 1e-8 * (1 + expected[m - 1]), what);
                norm += eig.vector(j, i) * eig.vector(j, i);
            }
            assertEquals(1, norm, 1e-10, what);
        }
    }

    @Test
    void nativeEigenpairsMatchTheConstruction() {
        check(Backend.blas());
    }

    /**
     * From order EIGEN_SHARED the native solvers run on a fixed two OpenBLAS threads: the same bits
     * while other threads' products run beside them, and the same pairs as the top-k driver.
     */
    @Test
    void largeProblemsGiveTheSameBitsWhileProductsRunBeside() throws InterruptedException {
        Blas blas = Backend.blas();
        int n = OpenBlas.EIGEN_SHARED + 100;
        Random r = new Random(5);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r.nextGaussian();
        SymmetricEigen alone = blas.eigh(a, n);
        AtomicBoolean done = new AtomicBoolean();
        Thread products = new Thread(() -> {
            Matrix x = Matrix.zeros(256, 256), y = Matrix.zeros(256, 256);
            while (!done.get()) blas.sgemm(false, true, 256, 256, 256, 1f, x.buffer(), 0, 256, x.buffer(), 0, 256, 0f, y.buffer(), 0, 256);
        });
        products.start();
        SymmetricEigen beside = blas.eigh(a, n);
        double[] values = blas.eigenvalues(a, n);
        done.set(true);
        products.join();
        assertArrayEquals(alone.values(), beside.values());
        assertArrayEquals(alone.vectors(), beside.vectors());
        for (int i = 0; i < n; i++) assertEquals(alone.values()[i], values[i], 1e-10 * Math.abs(alone.values()[n - 1]), "eigenvalue " + i);
        pairs(blas.top(a, n, 5), a, Arrays.copyOfRange(alone.values(), n - 5, n), "top 5 of " + n);
    }

    /**
     * The native eigh composes dsyevd's steps with its own blocked back-transformation: the same pairs
     * as LAPACK's dsyevd driver on an order with several blocks and a ragged last one, above and below
     * the two-thread order, and orthonormal vectors.
     */
    @Test
    void nativeEighGivesDsyevdsPairs() {
        assertEquals(0, Backend.blas().eigh(new double[0], 0).values().length);
        assertEquals(0, Backend.blas().eigenvalues(new double[0], 0).length);
        assertEquals(0, Backend.blas().top(new double[0], 0, 0).values().length);
        for (int n : new int[] {1, 2, 300, OpenBlas.EIGEN_SHARED + 37}) {
            Random r = new Random(n);
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r.nextGaussian();
            SymmetricEigen eig = Backend.blas().eigh(a, n);
            double[] vectors = a.clone(), values = new double[n];
            assertEquals(0, org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd(org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR,
                    (byte) 'V', (byte) 'U', n, vectors, n, values));
            double scale = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
            for (int j = 0; j < n; j++) {
                assertEquals(values[j], eig.values()[j], 1e-12 * scale, "eigenvalue " + j + " of " + n);
                double dot = 0;
                for (int i = 0; i < n; i++) dot += vectors[j * n + i] * eig.vector(j, i);
                double sign = Math.signum(dot);
                for (int i = 0; i < n; i++) assertEquals(vectors[j * n + i], sign * eig.vector(j, i), 1e-9, "vector " + j + " of " + n);
            }
            for (int j = 0; j < n; j += 97)
                for (int l = 0; l < n; l++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += eig.vector(j, i) * eig.vector(l, i);
                    assertEquals(j == l ? 1 : 0, dot, 1e-12, "vᵀv of " + j + ", " + l);
                }
        }
    }

    @Test
    void pureJavaEigenpairsMatchTheConstruction() {
        check(Backend.pureJava());
    }
}
