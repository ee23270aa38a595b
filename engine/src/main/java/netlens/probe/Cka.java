package netlens.probe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import netlens.linalg.Blas;

/**
 * Linear centred kernel alignment (Kornblith et al. 2019) between two representations of the same
 * n samples: CKA(X, Y) = ‖YᵀX‖²_F / (‖XᵀX‖_F ‖YᵀY‖_F) with X, Y column-centred. It is invariant to
 * orthogonal transformations and isotropic scaling, 1 for identical representations.
 */
public final class Cka {
    /** A representation ready for CKA: centred features in double and ‖XᵀX‖_F. */
    public static final class Features {
        final int n;
        final int dim;
        final DoubleBuffer x;
        final double selfNorm;

        public Features(float[] values, int n, int dim, Blas blas) {
            this.n = n;
            this.dim = dim;
            double[] mean = new double[dim];
            for (int i = 0; i < n; i++) for (int j = 0; j < dim; j++) mean[j] += values[i * dim + j];
            for (int j = 0; j < dim; j++) mean[j] /= n;
            x = ByteBuffer.allocateDirect(8 * n * dim).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            for (int i = 0; i < n; i++) for (int j = 0; j < dim; j++) x.put(i * dim + j, values[i * dim + j] - mean[j]);
            selfNorm = Math.sqrt(crossSquared(this, this, blas));
        }
    }

    private Cka() {}

    public static double linear(Features a, Features b, Blas blas) {
        if (a.n != b.n) throw new IllegalArgumentException("CKA needs the same samples on both sides");
        double denominator = a.selfNorm * b.selfNorm;
        return denominator > 0 ? crossSquared(a, b, blas) / denominator : Double.NaN;
    }

    /** ‖BᵀA‖²_F by one matrix product, or through the n×n Gram matrices when n is the smaller side. */
    private static double crossSquared(Features a, Features b, Blas blas) {
        int n = a.n;
        if ((long) a.dim * b.dim <= (long) n * n) {
            DoubleBuffer c = ByteBuffer.allocateDirect(8 * a.dim * b.dim).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            blas.dgemm(true, false, b.dim, a.dim, n, 1, b.x, 0, b.dim, a.x, 0, a.dim, 0, c, 0, a.dim);
            double s = 0;
            for (int i = 0; i < a.dim * b.dim; i++) s += c.get(i) * c.get(i);
            return s;
        }
        DoubleBuffer ga = gram(a, blas), gb = a == b ? ga : gram(b, blas);   // ⟨AAᵀ, BBᵀ⟩ = ‖BᵀA‖²
        double s = 0;
        for (int i = 0; i < n * n; i++) s += ga.get(i) * gb.get(i);
        return s;
    }

    private static DoubleBuffer gram(Features f, Blas blas) {
        DoubleBuffer g = ByteBuffer.allocateDirect(8 * f.n * f.n).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        blas.dgemm(false, true, f.n, f.n, f.dim, 1, f.x, 0, f.dim, f.x, 0, f.dim, 0, g, 0, f.n);
        return g;
    }
}
