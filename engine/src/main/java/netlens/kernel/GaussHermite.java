package netlens.kernel;

import netlens.linalg.Blas;
import netlens.linalg.SymmetricEigen;

/**
 * Gauss–Hermite rule for expectations over a standard normal: E[g(Z)] ≈ Σᵢ wᵢ g(xᵢ), exact for
 * polynomials of degree below 2n. Nodes and weights by Golub–Welsch: the nodes are the eigenvalues
 * of the Jacobi matrix of the probabilists' Hermite polynomials (zero diagonal, off-diagonal √k),
 * each weight the squared first component of its unit eigenvector.
 */
record GaussHermite(double[] nodes, double[] weights) {
    static GaussHermite of(int n, Blas blas) {
        double[] jacobi = new double[n * n];
        for (int k = 1; k < n; k++) jacobi[(k - 1) * n + k] = jacobi[k * n + k - 1] = Math.sqrt(k);
        SymmetricEigen eig = blas.eigh(jacobi, n);
        double[] w = new double[n];
        for (int j = 0; j < n; j++) w[j] = eig.vector(j, 0) * eig.vector(j, 0);
        return new GaussHermite(eig.values().clone(), w);
    }
}
