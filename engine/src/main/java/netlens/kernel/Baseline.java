package netlens.kernel;

import netlens.data.Regime;

/**
 * Learning-curve baselines for binary tasks (docs/definitions.md §3), each scored by its test error:
 * an SVM on the empirical NTK at initialisation and after training, SVMs on the Laplace and the
 * Gaussian kernel, kernel ridge regression on the Gaussian kernel, and 5 nearest neighbours on the inputs.
 */
public enum Baseline {
    SVM_INIT_NTK("svm_ntk_init"),
    SVM_FINAL_NTK("svm_ntk_final"),
    SVM_LAPLACE("svm_laplace"),
    SVM_GAUSSIAN("svm_gaussian"),
    RIDGE_GAUSSIAN("ridge_gaussian"),
    KNN("knn5");

    /** The SVM's box constraint: large enough to be close to hard margin on separable data. */
    public static final double SVM_C = 1e4;
    /** Kernel ridge regression's λ, relative to tr K/p. */
    public static final double RIDGE = 1e-4;

    private final String key;

    Baseline(String key) {
        this.key = key;
    }

    /** Whether its kernel comes from the trained network, so that it differs between training settings. */
    public boolean dependsOnTraining() {
        return this == SVM_FINAL_NTK;
    }

    /** The regime it is the limit of: an SVM on the initial NTK is the lazy network's kernel method. */
    public Regime regime() {
        return this == SVM_INIT_NTK ? Regime.LAZY : null;
    }

    /** The metric name in metrics.csv (prefixed with "error_"). */
    public String key() {
        return key;
    }
}
