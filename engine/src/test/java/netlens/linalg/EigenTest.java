package netlens.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
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
        SymmetricEigen eig = blas.eigh(a, n);
        double[] sorted = lambda.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) assertEquals(sorted[i], eig.values()[i], 1e-9 * (1 + sorted[n - 1]), blas.name() + " eigenvalue " + i);
        for (int j = 0; j < n; j++) {                                                  // A v = λ v, ‖v‖ = 1
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int p = 0; p < n; p++) av += a[i * n + p] * eig.vector(j, p);
                assertEquals(eig.values()[j] * eig.vector(j, i), av, 1e-8 * (1 + sorted[n - 1]));
                norm += eig.vector(j, i) * eig.vector(j, i);
            }
            assertEquals(1, norm, 1e-10);
        }
    }

    @Test
    void nativeEigenpairsMatchTheConstruction() {
        check(Backend.blas());
    }

    @Test
    void pureJavaEigenpairsMatchTheConstruction() {
        check(Backend.pureJava());
    }
}
