package netlens.linalg;

/** Eigenvalues in ascending order; eigenvector j is column j of the row-major n×n {@code vectors}. */
public record SymmetricEigen(int n, double[] values, double[] vectors) {
    public double vector(int j, int i) {
        return vectors[i * n + j];
    }
}
