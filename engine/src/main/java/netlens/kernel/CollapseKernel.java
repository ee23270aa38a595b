package netlens.kernel;

import netlens.data.Dataset;
import netlens.linalg.Blas;

/** A kernel whose NC1 on the training inputs a study compares with the trained network's (docs/definitions.md §4). */
public sealed interface CollapseKernel {
    /** The name in metrics.csv and the report, e.g. "nngp_relu". */
    String key();

    /** The Gram matrix on the samples. */
    Gram gram(Dataset data, Blas blas);

    /** The NNGP (ntk = false) or NTK of an infinitely wide network. */
    record Limit(InfiniteWidth network, boolean ntk) implements CollapseKernel {
        @Override
        public String key() {
            return (ntk ? "ntk_" : "nngp_") + network.activation().key() + (network.depth() == 1 ? "" : "_depth" + network.depth());
        }

        @Override
        public Gram gram(Dataset data, Blas blas) {
            InfiniteWidth.Kernels k = network.of(data.features(), data.size(), data.dim());
            return ntk ? k.ntk() : k.nngp();
        }
    }

    /**
     * The adaptive kernel of a shallow erf network fitted to the labels: ±1 for two classes, else
     * one output per class with the one-hot targets centred.
     */
    record Adaptive(AdaptiveKernel kernel) implements CollapseKernel {
        @Override
        public String key() {
            return "adaptive_erf_h" + kernel.hidden();
        }

        @Override
        public Gram gram(Dataset data, Blas blas) {
            int n = data.size(), classes = data.classNames().size(), outputs = classes == 2 ? 1 : classes;
            double[] y = new double[n * outputs];
            for (int i = 0; i < n; i++) {
                int c = data.labels()[i];
                if (outputs == 1) y[i] = c == 1 ? 1 : -1;
                else for (int o = 0; o < outputs; o++) y[i * outputs + o] = (o == c ? 1 : 0) - 1.0 / classes;
            }
            AdaptiveKernel.Solution s = kernel.solve(data.features(), n, data.dim(), y, outputs, blas);
            if (!s.converged()) throw new IllegalStateException("the adaptive kernel's equations of state did not converge in " + s.iterations() + " iterations");
            return s.kernel();
        }
    }
}
