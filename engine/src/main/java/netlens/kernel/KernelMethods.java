package netlens.kernel;

import netlens.data.Dataset;
import netlens.linalg.Blas;

/**
 * Predictors from a Gram matrix, for binary labels (class 1 is y = +1): kernel ridge regression,
 * a soft-margin support vector machine trained by SMO, and, on the inputs themselves, k nearest
 * neighbours. Each returns the test error.
 */
public final class KernelMethods {
    private KernelMethods() {}

    /**
     * Kernel ridge regression: a = (K + λI)⁻¹ y with λ = ridge·tr K/p, predicting sign(K_test a).
     *
     * @param train   the p×p Gram of the training samples
     * @param test    the q×p Gram between test and training samples
     */
    public static double ridgeError(Gram train, Gram test, int[] trainLabels, int[] testLabels, double ridge, Blas blas) {
        int p = train.rows();
        double trace = 0;
        for (int i = 0; i < p; i++) trace += train.get(i, i);
        double[] a = train.values().clone();
        for (int i = 0; i < p; i++) a[i * p + i] += ridge * trace / p;
        double[] y = new double[p];
        for (int i = 0; i < p; i++) y[i] = trainLabels[i] == 1 ? 1 : -1;
        double[] coef = blas.solvePositive(a, p, y, 1);
        if (coef == null) throw new ArithmeticException("kernel ridge system is not positive definite; raise the ridge");
        return error(test, coef, 0, testLabels);
    }

    /**
     * Soft-margin SVM, min ½ Σ a_i a_j y_i y_j K_ij − Σ a_i subject to 0 ≤ a_i ≤ C and Σ a_i y_i = 0, by
     * sequential minimal optimisation with second-order working-set selection (Fan, Chen & Lin
     * 2005), to a duality gap of 1e−3; predicts sign(Σ a_i y_i K(x, x_i) + b).
     */
    public static double svmError(Gram train, Gram test, int[] trainLabels, int[] testLabels, double c) {
        int p = train.rows();
        double[] y = new double[p], alpha = new double[p], grad = new double[p];
        for (int i = 0; i < p; i++) {
            y[i] = trainLabels[i] == 1 ? 1 : -1;
            grad[i] = -1;
        }
        double[] diagonal = new double[p];
        for (int t = 0; t < p; t++) diagonal[t] = train.get(t, t);
        double tau = 1e-12, eps = 1e-3;
        for (int iteration = 0; iteration < 100 * p + 10_000; iteration++) {
            int i = -1;
            double gmax = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < p; t++) {
                boolean up = y[t] > 0 ? alpha[t] < c : alpha[t] > 0;
                if (up && -y[t] * grad[t] >= gmax) {
                    gmax = -y[t] * grad[t];
                    i = t;
                }
            }
            int j = -1;
            double gmin = Double.POSITIVE_INFINITY, best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < p; t++) {
                boolean low = y[t] > 0 ? alpha[t] > 0 : alpha[t] < c;
                if (!low) continue;
                double g = -y[t] * grad[t];
                gmin = Math.min(gmin, g);
                double b = gmax - g;
                if (i >= 0 && b > 0) {
                    double a = diagonal[i] + diagonal[t] - 2 * train.get(i, t);
                    double gain = -(b * b) / (a > 0 ? a : tau);
                    if (gain <= best) {
                        best = gain;
                        j = t;
                    }
                }
            }
            if (i < 0 || j < 0 || gmax - gmin < eps) break;
            double a = diagonal[i] + diagonal[j] - 2 * train.get(i, j);
            if (a <= 0) a = tau;
            double oldI = alpha[i], oldJ = alpha[j];
            // The two-variable subproblem along the feasible line, clipped to the box (LIBSVM's update).
            if (y[i] != y[j]) {
                double delta = (-grad[i] - grad[j]) / a, diff = alpha[i] - alpha[j];
                alpha[i] += delta;
                alpha[j] += delta;
                if (diff > 0) {
                    if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = diff; }
                } else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = -diff; }
                if (diff > 0) {
                    if (alpha[i] > c) { alpha[i] = c; alpha[j] = c - diff; }
                } else if (alpha[j] > c) { alpha[j] = c; alpha[i] = c + diff; }
            } else {
                double delta = (grad[i] - grad[j]) / a, sum = alpha[i] + alpha[j];
                alpha[i] -= delta;
                alpha[j] += delta;
                if (sum > c) {
                    if (alpha[i] > c) { alpha[i] = c; alpha[j] = sum - c; }
                } else if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = sum; }
                if (sum > c) {
                    if (alpha[j] > c) { alpha[j] = c; alpha[i] = sum - c; }
                } else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = sum; }
            }
            double di = alpha[i] - oldI, dj = alpha[j] - oldJ;
            // G = Qα − e with Q_tk = y_t y_k K_tk; K is symmetric, so rows i and j are read, contiguous in memory
            // (its columns, a stride of p apart, made each update a cache miss per entry at large p).
            for (int t = 0; t < p; t++) grad[t] += y[t] * (y[i] * train.get(i, t) * di + y[j] * train.get(j, t) * dj);
        }
        double b = bias(alpha, y, grad, c);
        double[] coef = new double[p];
        for (int i = 0; i < p; i++) coef[i] = alpha[i] * y[i];
        return error(test, coef, b, testLabels);
    }

    /** The offset from the free support vectors (the midpoint of the feasible range when there are none). */
    private static double bias(double[] alpha, double[] y, double[] grad, double c) {
        double sum = 0, upper = Double.POSITIVE_INFINITY, lower = Double.NEGATIVE_INFINITY;
        int free = 0;
        for (int t = 0; t < alpha.length; t++) {
            double yg = y[t] * grad[t];
            if (alpha[t] > 0 && alpha[t] < c) {
                sum -= yg;
                free++;
            } else if ((alpha[t] == 0) == (y[t] > 0)) {
                upper = Math.min(upper, -yg);
            } else {
                lower = Math.max(lower, -yg);
            }
        }
        return free > 0 ? sum / free : (upper + lower) / 2;
    }

    /**
     * Test error of k nearest neighbours (Euclidean, majority vote) on the inputs. The k nearest are
     * kept by insertion as the training set is scanned, O(p·k) per query rather than a sort's
     * O(p log p); ties go to the earlier sample, as a stable sort would order them.
     */
    public static double knnError(Dataset train, Dataset test, int k) {
        int d = train.dim(), n = train.size(), kk = Math.min(k, n), wrong = 0;
        double[] nearest = new double[kk];
        int[] who = new int[kk];
        for (int q = 0; q < test.size(); q++) {
            int filled = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double diff = test.features()[q * d + t] - train.features()[i * d + t];
                    s += diff * diff;
                }
                if (filled == kk && s >= nearest[kk - 1]) continue;
                int j = filled < kk ? filled++ : kk - 1;
                for (; j > 0 && nearest[j - 1] > s; j--) {
                    nearest[j] = nearest[j - 1];
                    who[j] = who[j - 1];
                }
                nearest[j] = s;
                who[j] = i;
            }
            int[] votes = new int[train.classes()];
            for (int i = 0; i < kk; i++) votes[train.labels()[who[i]]]++;
            int best = 0;
            for (int c = 1; c < votes.length; c++) if (votes[c] > votes[best]) best = c;
            if (best != test.labels()[q]) wrong++;
        }
        return (double) wrong / test.size();
    }

    private static double error(Gram test, double[] coef, double b, int[] labels) {
        int wrong = 0;
        for (int q = 0; q < test.rows(); q++) {
            double s = b;
            for (int i = 0; i < test.cols(); i++) s += test.get(q, i) * coef[i];
            if ((s > 0 ? 1 : 0) != labels[q]) wrong++;
        }
        return (double) wrong / test.rows();
    }
}
