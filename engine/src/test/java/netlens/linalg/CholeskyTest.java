package netlens.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cholesky factors against their definition, A = RᵀR with R upper triangular, and the solves they give. */
class CholeskyTest {
    private static void check(Blas blas, int n) {
        Random r = new Random(n);
        double[] g = new double[n * n], a = new double[n * n], b = new double[n];
        for (int i = 0; i < g.length; i++) g[i] = r.nextGaussian();
        for (int i = 0; i < n; i++) {
            b[i] = r.nextGaussian();
            for (int j = 0; j < n; j++) {
                double s = i == j ? n : 0;                       // GGᵀ + nI: well conditioned
                for (int l = 0; l < n; l++) s += g[i * n + l] * g[j * n + l];
                a[i * n + j] = s;
            }
        }
        double[] f = blas.cholesky(a, n);
        double scale = a[0];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                if (j < i) assertEquals(0, f[i * n + j], "R is upper triangular");
                double s = 0;
                for (int l = 0; l < n; l++) s += f[l * n + i] * f[l * n + j];
                assertEquals(a[i * n + j], s, 1e-12 * scale, "RᵀR at " + i + "," + j);
            }
        double[] x = blas.solveFactored(f, n, b);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += a[i * n + j] * x[j];
            assertEquals(b[i], s, 1e-10, "A x = b at " + i);
        }
        double[] indefinite = a.clone();
        indefinite[(n - 1) * n + n - 1] = -1;
        assertNull(blas.cholesky(indefinite, n), "not positive definite");
    }

    @Test
    void nativeFactorsAndSolves() {
        check(Backend.blas(), 40);
        check(Backend.blas(), OpenBlas.EIGEN_SHARED + 10);
    }

    @Test
    void pureJavaFactorsAndSolves() {
        check(Backend.pureJava(), 40);
    }
}
