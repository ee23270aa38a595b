package netlens.kernel;

import netlens.linalg.Blas;
import netlens.linalg.SymmetricEigen;

/**
 * What a Gram matrix K says about a labelled task (docs/definitions.md §3): its eigenvalues (kernel
 * PCA), the share of the labels along each eigenvector ω_r² = (φ_rᵀy)²/(‖φ_r‖²‖y‖²) and its
 * cumulative sum, the kernel-target alignment ⟨K, yyᵀ⟩/(‖K‖_F‖yyᵀ‖_F), and the mutual information
 * between the leading eigenvectors and the label. Labels are y = ±1 for two classes; with more,
 * y is the one-hot matrix and the projections add up over its columns.
 *
 * @param eigenvalues descending
 * @param projections ω_r², in the eigenvalues' order (they sum to 1)
 * @param mutualInformation I(φ_r; y) in bits, for the first mutualInformation.length eigenvectors
 */
public record KernelSpectrum(double[] eigenvalues, double[] projections, double[] cumulative, double alignment,
                             double[] mutualInformation) {

    public static KernelSpectrum of(Gram k, int[] labels, int classes, Blas blas, int informationVectors) {
        int p = k.rows();
        if (k.cols() != p || labels.length != p) throw new IllegalArgumentException("a square Gram matrix of the labelled samples is needed");
        double[][] y = targets(labels, classes);
        SymmetricEigen eig = blas.eigh(k.values(), p);
        double[] values = new double[p], proj = new double[p], cumulative = new double[p];
        double ySquared = 0;
        for (double[] column : y) for (double v : column) ySquared += v * v;
        for (int r = 0; r < p; r++) {
            int col = p - 1 - r;
            values[r] = eig.values()[col];
            double total = 0;
            for (double[] column : y) {
                double dot = 0;
                for (int i = 0; i < p; i++) dot += eig.vector(col, i) * column[i];
                total += dot * dot;
            }
            proj[r] = total / ySquared;                          // eigenvectors have unit norm
            cumulative[r] = (r == 0 ? 0 : cumulative[r - 1]) + proj[r];
        }
        double kyy = 0, kk = 0;
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) {
                double kij = k.get(i, j), yy = 0;
                for (double[] column : y) yy += column[i] * column[j];
                kyy += kij * yy;
                kk += kij * kij;
            }
        double alignment = kyy / (Math.sqrt(kk) * ySquared);   // ‖yyᵀ‖_F = ‖y‖² for one column
        double[] mi = new double[Math.min(informationVectors, p)];
        double[] phi = new double[p];
        for (int r = 0; r < mi.length; r++) {
            int col = p - 1 - r;
            for (int i = 0; i < p; i++) phi[i] = eig.vector(col, i);
            mi[r] = MutualInformation.knn(phi, labels, 5);
        }
        return new KernelSpectrum(values, proj, cumulative, alignment, mi);
    }

    /** ±1 for two classes, else one-hot columns. */
    private static double[][] targets(int[] labels, int classes) {
        if (classes == 2) {
            double[] y = new double[labels.length];
            for (int i = 0; i < y.length; i++) y[i] = labels[i] == 1 ? 1 : -1;
            return new double[][] {y};
        }
        double[][] y = new double[classes][labels.length];
        for (int i = 0; i < labels.length; i++) y[labels[i]][i] = 1;
        return y;
    }
}
