package netlens.linalg;


/**
 * Principal components of features from their covariance: the eigenvectors of Σ_T are the right
 * singular vectors of the centred data matrix X_c and its eigenvalues are σ²/N, so this is PCA via
 * the SVD of X_c without holding X_c. Each component's sign makes its largest-magnitude loading
 * positive (scikit-learn's svd_flip convention), so projections are reproducible. Only the work
 * asked for is done: the spectrum by LAPACK's eigenvalues-only driver, the axes as the top
 * eigenpairs alone (dsyevr), and the full eigendecomposition only when the ridge probe needs it.
 */
public final class Pca {
    public final int dim;
    public final int components;
    /** components×D row-major unit vectors, by decreasing variance. */
    public final double[] axes;
    /** Variance along each axis. */
    public final double[] variance;
    /** Fraction of the total variance along each axis. */
    public final double[] explained;
    public final double[] centre;
    /** All eigenvalues of the covariance, descending (the PCA spectrum). */
    public final double[] spectrum;
    private final double[] covariance;
    private final Blas blas;
    private SymmetricEigen eigen;

    private Pca(int dim, int components, double[] axes, double[] variance, double[] explained, double[] centre,
                double[] spectrum, double[] covariance, Blas blas) {
        this.dim = dim;
        this.components = components;
        this.axes = axes;
        this.variance = variance;
        this.explained = explained;
        this.centre = centre;
        this.spectrum = spectrum;
        this.covariance = covariance;
        this.blas = blas;
    }

    public static Pca of(double[] covariance, double[] centre, int dim, int components, Blas blas) {
        double[] ascending = blas.eigenvalues(covariance, dim);
        int k = Math.min(components, dim);
        SymmetricEigen eig = blas.top(covariance, dim, k);
        double trace = 0;
        double[] spectrum = new double[dim];
        for (int j = 0; j < dim; j++) {
            spectrum[j] = Math.max(0, ascending[dim - 1 - j]);
            trace += spectrum[j];
        }
        double[] axes = new double[components * dim];
        double[] variance = new double[components];
        double[] explained = new double[components];
        for (int a = 0; a < k; a++) {
            int col = k - 1 - a;
            int argmax = 0;
            for (int i = 1; i < dim; i++) if (Math.abs(eig.vector(col, i)) > Math.abs(eig.vector(col, argmax))) argmax = i;
            double sign = eig.vector(col, argmax) < 0 ? -1 : 1;
            for (int i = 0; i < dim; i++) axes[a * dim + i] = sign * eig.vector(col, i);
            variance[a] = spectrum[a];
            explained[a] = trace > 0 ? spectrum[a] / trace : 0;
        }
        return new Pca(dim, components, axes, variance, explained, centre.clone(), spectrum, covariance, blas);
    }

    /** Coordinates of each sample on the axes: n×components row-major, float32. */
    public float[] project(float[] features, int n) {
        float[] out = new float[n * components];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < components; a++) {
                double s = 0;
                for (int j = 0, src = i * dim, ax = a * dim; j < dim; j++) s += (features[src + j] - centre[j]) * axes[ax + j];
                out[i * components + a] = (float) s;
            }
        return out;
    }

    /** Coordinates of one point given in double precision (class means, ETF vertices). */
    public double[] project(double[] point, int offset) {
        double[] out = new double[components];
        for (int a = 0; a < components; a++) {
            double s = 0;
            for (int j = 0; j < dim; j++) s += (point[offset + j] - centre[j]) * axes[a * dim + j];
            out[a] = s;
        }
        return out;
    }

    /** Participation-ratio effective rank (Σλ)²/Σλ² of the spectrum. */
    public double effectiveRank() {
        double s = 0, s2 = 0;
        for (double l : spectrum) {
            s += l;
            s2 += l * l;
        }
        return s2 > 0 ? s * s / s2 : 0;
    }

    /** Entropy effective rank exp(−Σ pᵢ log pᵢ), pᵢ = λᵢ/Σλ (Roy & Vetterli 2007). */
    public double entropyRank() {
        double s = 0;
        for (double l : spectrum) s += l;
        if (s <= 0) return 0;
        double h = 0;
        for (double l : spectrum) if (l > 0) h -= l / s * Math.log(l / s);
        return Math.exp(h);
    }

    /** X = (Σ_T + λI)⁻¹ B for a D×m right-hand side B (row-major), through the kept eigendecomposition. */
    public double[] solveShifted(double[] b, int m, double lambda) {
        int d = dim;
        if (eigen == null) eigen = blas.eigh(covariance, d);
        double[] vtB = new double[d * m];                        // Vᵀ B scaled by 1/(λᵢ + λ)
        for (int e = 0; e < d; e++) {
            double scale = 1 / (Math.max(0, eigen.values()[e]) + lambda);
            for (int c = 0; c < m; c++) {
                double s = 0;
                for (int i = 0; i < d; i++) s += eigen.vector(e, i) * b[i * m + c];
                vtB[e * m + c] = s * scale;
            }
        }
        double[] x = new double[d * m];
        for (int i = 0; i < d; i++)
            for (int e = 0; e < d; e++) {
                double v = eigen.vector(e, i);
                for (int c = 0; c < m; c++) x[i * m + c] += v * vtB[e * m + c];
            }
        return x;
    }
}
