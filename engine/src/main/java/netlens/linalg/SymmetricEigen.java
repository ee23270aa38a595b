package netlens.linalg;

/**
 * Eigenvalues in ascending order, all n of them or the m largest; eigenvector j (of m = values.length)
 * is column j of the row-major n×m {@code vectors}.
 */
public record SymmetricEigen(int n, double[] values, double[] vectors) {
    public double vector(int j, int i) {
        return vectors[i * values.length + j];
    }
}
