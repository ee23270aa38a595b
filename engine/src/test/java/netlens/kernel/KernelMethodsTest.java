package netlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import netlens.data.Dataset;
import netlens.data.GaussianBinarySpec;
import netlens.data.Split;
import netlens.linalg.Backend;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class KernelMethodsTest {
    private static Dataset points(double[][] xs, int[] labels) {
        float[] x = new float[xs.length * xs[0].length];
        for (int i = 0; i < xs.length; i++) for (int j = 0; j < xs[0].length; j++) x[i * xs[0].length + j] = (float) xs[i][j];
        return new Dataset("p", x, labels, xs[0].length, List.of("-1", "+1"));
    }

    private static Gram linear(Dataset a, Dataset b) {
        int d = a.dim();
        double[] v = new double[a.size() * b.size()];
        for (int i = 0; i < a.size(); i++)
            for (int j = 0; j < b.size(); j++) {
                double s = 0;
                for (int t = 0; t < d; t++) s += a.features()[i * d + t] * b.features()[j * d + t];
                v[i * b.size() + j] = s;
            }
        return new Gram(a.size(), b.size(), v);
    }

    @Test
    void aLinearSvmFindsTheMaxMarginSeparatorOfTwoPoints() {
        // Two points at ±(1, 0): the hard-margin separator is x₁ = 0; test points left and right of it.
        Dataset train = points(new double[][] {{1, 0}, {-1, 0}}, new int[] {1, 0});
        Dataset test = points(new double[][] {{0.1, 5}, {-0.1, -5}, {0.01, 0}, {-0.01, 0}}, new int[] {1, 0, 1, 0});
        assertEquals(0, KernelMethods.svmError(linear(train, train), linear(test, train), train.labels(), test.labels(), 1e3));
    }

    @Test
    void svmAndRidgeLearnTheSphereWithAGaussianKernelBetterThanChance() {
        Split s = new GaussianBinarySpec(GaussianBinarySpec.Model.SPHERE, 3, 400, 400).load(null, 1);
        Gram k = Kernels.between(Kernels.Kind.GAUSSIAN, s.train(), s.train(), Math.sqrt(3));
        Gram kt = Kernels.between(Kernels.Kind.GAUSSIAN, s.test(), s.train(), Math.sqrt(3));
        double svm = KernelMethods.svmError(k, kt, s.train().labels(), s.test().labels(), 10);
        double ridge = KernelMethods.ridgeError(k, kt, s.train().labels(), s.test().labels(), 1e-3, Backend.blas());
        assertTrue(svm < 0.2 && ridge < 0.2, "svm " + svm + ", ridge " + ridge);
        assertTrue(KernelMethods.knnError(s.train(), s.test(), 5) < 0.35);
    }

    @Test
    void ridgeMatchesAnExplicitSolve() {
        Random r = new Random(3);
        double[][] xs = new double[30][4];
        int[] y = new int[30];
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 4; j++) xs[i][j] = r.nextGaussian();
            y[i] = xs[i][0] + 0.3 * xs[i][1] > 0 ? 1 : 0;
        }
        Dataset train = points(xs, y);
        Gram k = Kernels.between(Kernels.Kind.LAPLACE, train, train, 2);
        // Predicting the training set itself: compare with EJML's solve of (K + λI) a = y.
        double trace = 0;
        for (int i = 0; i < 30; i++) trace += k.get(i, i);
        DMatrixRMaj a = new DMatrixRMaj(30, 30, true, k.values());
        for (int i = 0; i < 30; i++) a.add(i, i, 0.1 * trace / 30);
        DMatrixRMaj target = new DMatrixRMaj(30, 1), coef = new DMatrixRMaj(30, 1);
        for (int i = 0; i < 30; i++) target.set(i, 0, y[i] == 1 ? 1 : -1);
        CommonOps_DDRM.solve(a, target, coef);
        int wrong = 0;
        for (int q = 0; q < 30; q++) {
            double s = 0;
            for (int i = 0; i < 30; i++) s += k.get(q, i) * coef.get(i, 0);
            if ((s > 0 ? 1 : 0) != y[q]) wrong++;
        }
        assertEquals(wrong / 30.0, KernelMethods.ridgeError(k, k, y, y, 0.1, Backend.blas()), 1e-12);
    }
}
