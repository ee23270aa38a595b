package netlens.bench;

import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import netlens.linalg.Backend;
import netlens.linalg.Blas;
import netlens.linalg.Matrix;

/**
 * The kernels the backend choice rests on, native against pure Java: single-thread SGEMM at a
 * training shape and at 1024³, and a 2000×2000 symmetric eigendecomposition (as for a p = 2000
 * kernel matrix).
 */
public final class LinalgBenchmark {
    private LinalgBenchmark() {}

    public static void run(Consumer<String> log) {
        for (Blas blas : new Blas[] {Backend.blas(), Backend.pureJava()}) {
            log.accept(String.format(Locale.ROOT, "%-40s sgemm 128x512x784 %6.1f GFLOPS, 1024^3 %6.1f GFLOPS, eigh 2000x2000 %5.2f s",
                    blas.name(), gflops(blas, 128, 512, 784), gflops(blas, 1024, 1024, 1024), eigh(blas, 2000)));
        }
    }

    private static double gflops(Blas blas, int m, int n, int k) {
        Matrix a = random(m, k), b = random(n, k), c = Matrix.zeros(m, n);
        double flops = 2.0 * m * n * k, best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 3; rep++) {
            int iterations = (int) Math.max(1, 2e9 / flops);
            long t0 = System.nanoTime();
            for (int i = 0; i < iterations; i++)
                blas.sgemm(false, true, m, n, k, 1f, a.buffer(), 0, k, b.buffer(), 0, k, 0f, c.buffer(), 0, n);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9 / iterations);
        }
        return flops / best / 1e9;
    }

    /** A 2000 × 2000 symmetric eigendecomposition (values and vectors) with the native backend, best of three. */
    static double eigh() {
        return Bench.best(3, () -> eigh(Backend.blas(), 2000));
    }

    private static double eigh(Blas blas, int n) {
        Random r = new Random(1);
        double[] x = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) x[i * n + j] = x[j * n + i] = r.nextGaussian();
        long t0 = System.nanoTime();
        blas.eigh(x, n);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static Matrix random(int rows, int cols) {
        Random r = new Random(2);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows * cols; i++) m.buffer().put(i, (float) r.nextGaussian());
        return m;
    }
}
