package netlens.probe;

import netlens.linalg.Blas;
import netlens.linalg.ClassStatistics;
import netlens.linalg.SymmetricEigen;

/**
 * The simplex equiangular tight frame nearest to a layer's class means: vertices μ_G + s·(B R)_c,
 * where B is an orthonormal basis of 1⊥ in R^K (Helmert), R = (AAᵀ)^{−½}A the polar factor of
 * A = BᵀM (orthogonal Procrustes, rotation and reflection free) and s = tr((AAᵀ)^{½})/(K−1) the
 * best scale. This is the target neural collapse predicts, drawn beside the measured means.
 */
public final class SimplexEtf {
    private SimplexEtf() {}

    /** K×D row-major vertices in feature space. */
    public static double[] nearest(ClassStatistics s, Blas blas) {
        int k = s.classes, d = s.dim, r = k - 1;
        double[] m = NeuralCollapse.centredMeans(s);
        double[] basis = helmert(k);                         // K×(K−1)
        double[] a = new double[r * d];                      // A = BᵀM
        for (int i = 0; i < r; i++)
            for (int c = 0; c < k; c++) {
                double b = basis[c * r + i];
                if (b != 0) for (int j = 0; j < d; j++) a[i * d + j] += b * m[c * d + j];
            }
        double[] aat = new double[r * r];
        for (int i = 0; i < r; i++)
            for (int l = 0; l <= i; l++) {
                double dot = 0;
                for (int j = 0; j < d; j++) dot += a[i * d + j] * a[l * d + j];
                aat[i * r + l] = dot;
                aat[l * r + i] = dot;
            }
        SymmetricEigen eig = blas.eigh(aat, r);
        double top = eig.values()[r - 1];
        double[] invSqrt = new double[r * r];                // (AAᵀ)^{−½}, pseudo-inverse on a null space
        double traceSqrt = 0;
        for (int e = 0; e < r; e++) {
            double lambda = eig.values()[e];
            if (!(lambda > top * 1e-12)) continue;
            traceSqrt += Math.sqrt(lambda);
            for (int i = 0; i < r; i++)
                for (int l = 0; l < r; l++) invSqrt[i * r + l] += eig.vector(e, i) * eig.vector(e, l) / Math.sqrt(lambda);
        }
        double scale = traceSqrt / r;
        double[] centre = NeuralCollapse.globalMean(s);
        double[] vertices = new double[k * d];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < r; i++) {
                double coef = 0;                             // (B (AAᵀ)^{−½})_{c,l} summed into row c of B R
                for (int l = 0; l < r; l++) coef += basis[c * r + l] * invSqrt[l * r + i];
                if (coef != 0) for (int j = 0; j < d; j++) vertices[c * d + j] += scale * coef * a[i * d + j];
            }
            for (int j = 0; j < d; j++) vertices[c * d + j] += centre[j];
        }
        return vertices;
    }

    /** Orthonormal basis of the vectors in R^K summing to zero: column j ∝ (1,…,1, −j, 0,…,0) with j ones. */
    static double[] helmert(int k) {
        int r = k - 1;
        double[] b = new double[k * r];
        for (int j = 1; j <= r; j++) {
            double norm = Math.sqrt(j * (j + 1.0));
            for (int c = 0; c < j; c++) b[c * r + (j - 1)] = 1 / norm;
            b[j * r + (j - 1)] = -j / norm;
        }
        return b;
    }
}
