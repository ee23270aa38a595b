package netlens.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Matrix products against a double-precision triple loop, for both backends and all transposes. */
class GemmTest {
    private static final Random RANDOM = new Random(42);

    private static Matrix random(int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows * cols; i++) m.buffer().put(i, (float) RANDOM.nextGaussian());
        return m;
    }

    /** op(A)·op(B) by definition, in double. */
    private static double[] reference(boolean ta, boolean tb, int m, int n, int k, Matrix a, Matrix b) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double aip = ta ? a.get(p, i) : a.get(i, p);
                    double bpj = tb ? b.get(j, p) : b.get(p, j);
                    s += aip * bpj;
                }
                c[i * n + j] = s;
            }
        return c;
    }

    private static void checkAllTransposes(Blas blas, int threads) {
        int[][] shapes = {{1, 1, 1}, {7, 5, 3}, {130, 70, 200}, {64, 300, 129}};
        try (Workers w = new Workers(threads)) {
            Gemm gemm = new Gemm(blas, w);
            for (int[] s : shapes)
                for (boolean ta : new boolean[] {false, true})
                    for (boolean tb : new boolean[] {false, true}) {
                        int m = s[0], n = s[1], k = s[2];
                        Matrix a = ta ? random(k, m) : random(m, k);
                        Matrix b = tb ? random(n, k) : random(k, n);
                        Matrix c = random(m, n);
                        float[] before = c.toArray();
                        gemm.multiply(ta, tb, m, n, k, 0.5f, a.buffer(), 0, a.cols, b.buffer(), 0, b.cols, 2f, c.buffer(), 0, n);
                        double[] want = reference(ta, tb, m, n, k, a, b);
                        for (int i = 0; i < m * n; i++)
                            assertEquals(0.5 * want[i] + 2 * before[i], c.buffer().get(i), 1e-4 * (k + 1),
                                    blas.name() + " " + (ta ? "T" : "N") + (tb ? "T" : "N") + " " + m + "x" + n + "x" + k + " at " + i);
                    }
        }
    }

    @Test
    void nativeProductsMatchTheDefinition() {
        checkAllTransposes(Backend.blas(), 2);
    }

    @Test
    void pureJavaProductsMatchTheDefinition() {
        checkAllTransposes(Backend.pureJava(), 3);
    }

    @Test
    void offsetsAddressSubmatrices() {
        Blas blas = Backend.blas();
        Matrix a = random(6, 4), b = random(4, 5), c = Matrix.zeros(10, 5);
        // C rows 3..5 = A rows 2..4 · B
        blas.sgemm(false, false, 3, 5, 4, 1f, a.buffer(), 2 * 4, 4, b.buffer(), 0, 5, 0f, c.buffer(), 3 * 5, 5);
        double[] want = reference(false, false, 6, 5, 4, a, b);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 5; j++) assertEquals(want[(i + 2) * 5 + j], c.get(i + 3, j), 1e-4);
        assertEquals(0f, c.get(0, 0));
        assertEquals(0f, c.get(9, 4));
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        Matrix a = random(256, 300), b = random(512, 300);
        float[] first = null;
        for (int threads : new int[] {1, 2, 3, 5}) {
            Matrix c = Matrix.zeros(256, 512);
            try (Workers w = new Workers(threads)) {
                new Gemm(Backend.blas(), w).timesTransposed(a, b, c, false);
            }
            if (first == null) first = c.toArray();
            else assertArrayEquals(first, c.toArray(), "threads = " + threads);
        }
    }

    /** The upper triangle of AAᵀ (A n×k) and of AᵀA (A k×n), at offsets, against double sums. */
    @Test
    void ssyrkGivesTheUpperTriangleOfTheGram() {
        int n = 9, k = 31, offA = 5, offC = 3, ldc = n + 2;
        float[] x = new float[offA + n * k];
        var buf = java.nio.ByteBuffer.allocateDirect(4 * x.length).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < x.length; i++) buf.put(i, x[i] = (float) RANDOM.nextGaussian());
        for (Blas blas : new Blas[] {Backend.blas(), Backend.pureJava()})
            for (boolean trans : new boolean[] {false, true}) {
                var c = java.nio.ByteBuffer.allocateDirect(4 * (offC + n * ldc)).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
                blas.ssyrk(trans, n, k, 0.5f, buf, offA, trans ? n : k, 0f, c, offC, ldc);
                for (int i = 0; i < n; i++)
                    for (int j = i; j < n; j++) {
                        double s = 0;
                        for (int p = 0; p < k; p++)
                            s += trans ? (double) x[offA + p * n + i] * x[offA + p * n + j] : (double) x[offA + i * k + p] * x[offA + j * k + p];
                        assertEquals(0.5 * s, c.get(offC + i * ldc + j), 1e-5 * (1 + Math.abs(s)), blas.name() + (trans ? " AᵀA" : " AAᵀ"));
                    }
            }
    }
}
