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

    /** k-NN against the definition: every training sample sorted by (distance, index), the k first voting. */
    @Test
    void nearestNeighboursMatchAFullSortTiesIncluded() {
        Random r = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + r.nextInt(60), m = 25, k = 1 + 2 * r.nextInt(4);
            double[][] xs = new double[n][2], qs = new double[m][2];
            int[] y = new int[n], yq = new int[m];
            for (double[][] set : new double[][][] {xs, qs})
                for (double[] v : set) for (int j = 0; j < 2; j++) v[j] = r.nextInt(4);      // a small grid: many equal distances
            for (int i = 0; i < n; i++) y[i] = r.nextInt(2);
            for (int i = 0; i < m; i++) yq[i] = r.nextInt(2);
            int wrong = 0;
            for (int q = 0; q < m; q++) {
                double[] query = qs[q];
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) order[i] = i;
                java.util.Arrays.sort(order, java.util.Comparator.comparingDouble((Integer i) ->
                        Math.pow(xs[i][0] - query[0], 2) + Math.pow(xs[i][1] - query[1], 2)).thenComparingInt(i -> i));
                int[] votes = new int[2];
                for (int i = 0; i < Math.min(k, n); i++) votes[y[order[i]]]++;
                if ((votes[1] > votes[0] ? 1 : 0) != yq[q]) wrong++;
            }
            assertEquals((double) wrong / m, KernelMethods.knnError(points(xs, y), points(qs, yq), k), "trial " + trial);
        }
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
