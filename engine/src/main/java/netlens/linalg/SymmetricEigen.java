package netlens.linalg;

/**
 * Eigenvalues in ascending order, all n of them or the m largest; eigenvector j (of m = values.length)
 * is row j of the row-major m×n {@code vectors} (LAPACK's column-major output, read without a transpose).
 */
public record SymmetricEigen(int n, double[] values, double[] vectors) {
    /** Component i of eigenvector j. */
    public double vector(int j, int i) {
        return vectors[j * n + i];
    }
}
