package netlens.kernel;

import netlens.linalg.Blas;
import netlens.linalg.SymmetricEigen;

/**
 * Neural-collapse NC1 of the features a Gram matrix G = ⟨φ(xᵢ), φ(xⱼ)⟩ implies, without the
 * features (docs/definitions.md §4; Kothapalli & Tirer 2024). The definitions are the feature-space
 * ones of {@link netlens.probe.NeuralCollapse}, so imbalanced classes weigh the same way:
 * Σ_W = (1/N) Σᵢ (φᵢ − μ_c)(φᵢ − μ_c)ᵀ over samples, Σ_B = (1/K) Σ_c (μ_c − μ_G)(μ_c − μ_G)ᵀ over
 * classes with μ_G = (1/K) Σ_c μ_c. Every needed inner product is a combination of entries of G:
 * μ_c·μ_c' = 1ᵀG_cc'1/(n_c n_c'), and with M = [μ_c − μ_G] = ΦᵀA,
 * NC1 = Tr(Σ_W Σ_B⁺)/K = Tr((MᵀM)⁺² MᵀΣ_W M), both K×K.
 *
 * @param nc1       Tr(Σ_W Σ_B⁺)/K, Σ_B⁺ of rank at most K − 1
 * @param quotient  Tr Σ_W / Tr Σ_B
 * @param cdnv      mean over class pairs of (σ_c² + σ_c'²)/(2‖μ_c − μ_c'‖²)
 */
public record KernelCollapse(double nc1, double quotient, double cdnv, double traceWithin, double traceBetween) {
    public static KernelCollapse of(Gram g, int[] labels, int classes, Blas blas) {
        int n = g.rows();
        if (g.cols() != n || labels.length != n) throw new IllegalArgumentException("need a square Gram matrix with one label per row");
        int[] count = new int[classes];
        for (int y : labels) count[y]++;
        int[] index = new int[classes];                     // present classes, renumbered 0..k−1
        int k = 0;
        for (int c = 0; c < classes; c++) index[c] = count[c] > 0 ? k++ : -1;
        if (k < 2) throw new IllegalArgumentException("kernel NC1 needs at least two classes with samples");
        int[] y = new int[n], nc = new int[k];
        for (int i = 0; i < n; i++) nc[y[i] = index[labels[i]]]++;

        double[] blocks = new double[k * k];                // 1ᵀ G_cc' 1
        double diagonal = 0;
        double[] classDiagonal = new double[k];
        for (int i = 0; i < n; i++) {
            diagonal += g.get(i, i);
            classDiagonal[y[i]] += g.get(i, i);
            for (int j = 0; j < n; j++) blocks[y[i] * k + y[j]] += g.get(i, j);
        }
        double[] meanDots = new double[k * k];              // P = μ_c·μ_c'
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) meanDots[a * k + b] = blocks[a * k + b] / ((double) nc[a] * nc[b]);

        double traceW = diagonal / n;
        for (int c = 0; c < k; c++) traceW -= blocks[c * k + c] / nc[c] / n;
        double[] centred = Gram.doubleCentred(meanDots, k);   // MᵀM = J P J
        double traceB = 0;
        for (int c = 0; c < k; c++) traceB += centred[c * k + c];
        traceB /= k;

        // Q = AᵀG (k×n): Q_ci = (μ_c − μ_G)·φᵢ, with A_jc = [y_j = c]/n_c − 1/(K n_{y_j}).
        double[] q = new double[k * n];
        for (int j = 0; j < n; j++) {
            double own = 1.0 / nc[y[j]], shared = own / k;
            for (int i = 0; i < n; i++) {
                double gji = g.get(j, i);
                for (int c = 0; c < k; c++) q[c * n + i] -= shared * gji;
                q[y[j] * n + i] += own * gji;
            }
        }
        double[] classMeanQ = new double[k * k];            // Q̄_{c, c'} = mean of Q_ci over i in class c'
        for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) classMeanQ[c * k + y[i]] += q[c * n + i] / nc[y[i]];
        double[] within = new double[k * k];                // MᵀΣ_W M = (1/N) Σᵢ (Q_·i − Q̄_·y(i))(…)ᵀ
        double[] r = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) r[c] = q[c * n + i] - classMeanQ[c * k + y[i]];
            for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) within[a * k + b] += r[a] * r[b] / n;
        }

        SymmetricEigen eig = blas.eigh(centred, k);
        double top = eig.values()[k - 1], nc1 = 0;
        for (int col = k - 1; col >= 1; col--) {            // the k − 1 largest; J P J is singular along 1
            double lambda = eig.values()[col];
            if (!(lambda > top * 1e-12)) break;
            double quad = 0;
            for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) quad += eig.vector(col, a) * within[a * k + b] * eig.vector(col, b);
            nc1 += quad / (lambda * lambda);
        }

        double cdnv = 0;
        int pairs = 0;
        for (int a = 0; a < k; a++)
            for (int b = a + 1; b < k; b++) {
                double va = classDiagonal[a] / nc[a] - meanDots[a * k + a], vb = classDiagonal[b] / nc[b] - meanDots[b * k + b];
                double gap = meanDots[a * k + a] + meanDots[b * k + b] - 2 * meanDots[a * k + b];
                cdnv += (va + vb) / (2 * gap);
                pairs++;
            }
        return new KernelCollapse(top > 0 ? nc1 : Double.NaN, traceW / traceB, cdnv / pairs, traceW, traceB);
    }
}
