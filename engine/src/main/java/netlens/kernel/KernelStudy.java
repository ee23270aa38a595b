package netlens.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlens.data.Dataset;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;
import netlens.nn.Inference;
import netlens.nn.Mlp;

/**
 * NC1 of chosen kernels on the training inputs beside the trained network's own: its last hidden
 * layer's features (a linear kernel) and its empirical NTK (Kothapalli & Tirer's comparison). A
 * kernel that cannot be formed (an adaptive kernel without a solution) is NaN.
 */
public final class KernelStudy {
    public static final String NETWORK = "network_features", EMPIRICAL_NTK = "network_ntk";

    private KernelStudy() {}

    public static Map<String, KernelCollapse> measure(List<CollapseKernel> kernels, Mlp trained, Dataset train, Gemm gemm) {
        Map<String, KernelCollapse> out = new LinkedHashMap<>();
        int classes = train.classNames().size();
        for (CollapseKernel k : kernels) {
            try {
                out.put(k.key(), KernelCollapse.of(k.gram(train, gemm.blas()), train.labels(), classes, gemm.blas()));
            } catch (IllegalStateException e) {
                // An adaptive kernel whose equations of state have no solution here: not measured, the others still are.
                out.put(k.key(), new KernelCollapse(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            }
        }
        out.put(NETWORK, KernelCollapse.of(features(trained, train, gemm), train.labels(), classes, gemm.blas()));
        out.put(EMPIRICAL_NTK, KernelCollapse.of(EmpiricalNtk.of(trained, train, gemm, s -> {}), train.labels(), classes, gemm.blas()));
        return out;
    }

    /** The Gram matrix of the last hidden layer's activations. */
    private static Gram features(Mlp net, Dataset data, Gemm gemm) {
        int layer = net.layers() - 1, width = net.width(layer), n = data.size();
        float[] h = new float[n * width];
        new Inference(gemm).run(net, data, (start, tape) -> {
            Matrix a = tape.post(layer);
            for (int r = 0; r < a.rows; r++) a.rowTo(r, h, (start + r) * width);
        });
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) {
                double dot = 0;
                for (int k = 0; k < width; k++) dot += (double) h[i * width + k] * h[j * width + k];
                g[i * n + j] = g[j * n + i] = dot;
            }
        return new Gram(n, n, g);
    }
}
