package netlens.linalg;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Pure-Java fallback when no native library loads: correct everywhere, several times slower.
 * GEMM is a cache-blocked loop; the eigensolver is EJML's.
 */
final class JavaBlas implements Blas {
    private static final int BLOCK = 64;

    @Override
    public String name() {
        return "pure Java (EJML decompositions)";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      FloatBuffer a, int offA, int lda, FloatBuffer b, int offB, int ldb,
                      float beta, FloatBuffer c, int offC, int ldc) {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                int ij = offC + i * ldc + j;
                c.put(ij, beta == 0f ? 0f : beta * c.get(ij));
            }
        float[] rowA = new float[k];
        float[] acc = new float[BLOCK];
        for (int j0 = 0; j0 < n; j0 += BLOCK) {
            int jn = Math.min(BLOCK, n - j0);
            float[] panel = new float[k * jn];   // op(B)[:, j0:j0+jn], k-major so the inner loop is contiguous
            for (int p = 0; p < k; p++)
                for (int j = 0; j < jn; j++)
                    panel[p * jn + j] = transB ? b.get(offB + (j0 + j) * ldb + p) : b.get(offB + p * ldb + j0 + j);
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) rowA[p] = transA ? a.get(offA + p * lda + i) : a.get(offA + i * lda + p);
                java.util.Arrays.fill(acc, 0, jn, 0f);
                for (int p = 0; p < k; p++) {
                    float aip = rowA[p];
                    int base = p * jn;
                    for (int j = 0; j < jn; j++) acc[j] += aip * panel[base + j];
                }
                for (int j = 0; j < jn; j++) {
                    int ij = offC + i * ldc + j0 + j;
                    c.put(ij, c.get(ij) + alpha * acc[j]);
                }
            }
        }
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      DoubleBuffer a, int offA, int lda, DoubleBuffer b, int offB, int ldb,
                      double beta, DoubleBuffer c, int offC, int ldc) {
        double[] rowA = new double[k];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) rowA[p] = transA ? a.get(offA + p * lda + i) : a.get(offA + i * lda + p);
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += rowA[p] * (transB ? b.get(offB + j * ldb + p) : b.get(offB + p * ldb + j));
                int ij = offC + i * ldc + j;
                c.put(ij, alpha * s + (beta == 0 ? 0 : beta * c.get(ij)));
            }
        }
    }

    /** Both triangles, as a general product: the fallback favours brevity over the halved flops. */
    @Override
    public void ssyrk(boolean trans, int n, int k, float alpha, FloatBuffer a, int offA, int lda, float beta, FloatBuffer c, int offC, int ldc) {
        sgemm(trans, !trans, n, n, k, alpha, a, offA, lda, a, offA, lda, beta, c, offC, ldc);
    }

    @Override
    public double[] solvePositive(double[] a, int n, double[] b, int m) {
        var chol = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.chol(n);
        DMatrixRMaj x = new DMatrixRMaj(n, m);
        if (!chol.setA(new DMatrixRMaj(n, n, true, a))) return null;
        chol.solve(new DMatrixRMaj(n, m, true, b), x);
        return x.data;
    }

    @Override
    public double[] cholesky(double[] a, int n) {
        var chol = DecompositionFactory_DDRM.chol(n, false);
        if (!chol.decompose(new DMatrixRMaj(n, n, true, a))) return null;
        return chol.getT(null).data;
    }

    @Override
    public SymmetricEigen eigh(double[] a, int n) {
        DMatrixRMaj m = new DMatrixRMaj(n, n, true, a);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) throw new ArithmeticException("symmetric eigendecomposition failed to converge");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(eig.getEigenvalue(x).real, eig.getEigenvalue(y).real));
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        for (int j = 0; j < n; j++) {
            int src = order[j];
            values[j] = eig.getEigenvalue(src).real;
            DMatrixRMaj v = eig.getEigenVector(src);
            for (int i = 0; i < n; i++) vectors[j * n + i] = v.get(i);
        }
        return new SymmetricEigen(n, values, vectors);
    }
}
