package netlens.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlens.data.Split;
import netlens.linalg.Gemm;
import netlens.nn.Mlp;

/** Scores the requested {@link Baseline}s on a train/test split. */
public final class Baselines {
    private Baselines() {}

    /**
     * Bytes the costliest of these baselines holds at once on p training and pTest test samples: its
     * two kernels (train × train and test × train, double), and for the NTK ones the factors they are
     * built from. k-NN holds nothing beyond the data.
     */
    public static long memory(List<Baseline> which, int[] widths, int p, int pTest) {
        long most = 0;
        for (Baseline b : which) {
            long kernels = switch (b) {
                case SVM_INIT_NTK, SVM_FINAL_NTK -> Gram.bytes(pTest, p) + EmpiricalNtk.memory(widths, p, p, 1);
                case SVM_LAPLACE, SVM_GAUSSIAN, RIDGE_GAUSSIAN -> Gram.bytes(p, p) + Gram.bytes(pTest, p);
                case KNN -> 0;
            };
            most = Math.max(most, kernels);
        }
        return most;
    }

    /** Test error of each baseline, in the order asked. */
    public static Map<Baseline, Double> errors(List<Baseline> which, Mlp initial, Mlp trained, Split split, Gemm gemm) {
        Map<Baseline, Double> out = new LinkedHashMap<>();
        var train = split.train();
        var test = split.test();
        int[] ytr = train.labels(), yte = test.labels();
        double sigma = Math.sqrt(train.dim());
        for (Baseline b : which) {
            double error = switch (b) {
                case SVM_INIT_NTK, SVM_FINAL_NTK -> {
                    Mlp net = b == Baseline.SVM_INIT_NTK ? initial : trained;
                    yield KernelMethods.svmError(EmpiricalNtk.of(net, train, gemm, s -> {}), EmpiricalNtk.between(net, test, train, gemm, s -> {}),
                            ytr, yte, Baseline.SVM_C);
                }
                case SVM_LAPLACE, SVM_GAUSSIAN -> {
                    Kernels.Kind kind = b == Baseline.SVM_LAPLACE ? Kernels.Kind.LAPLACE : Kernels.Kind.GAUSSIAN;
                    yield KernelMethods.svmError(Kernels.between(kind, train, train, sigma), Kernels.between(kind, test, train, sigma),
                            ytr, yte, Baseline.SVM_C);
                }
                case RIDGE_GAUSSIAN -> KernelMethods.ridgeError(Kernels.between(Kernels.Kind.GAUSSIAN, train, train, sigma),
                        Kernels.between(Kernels.Kind.GAUSSIAN, test, train, sigma), ytr, yte, Baseline.RIDGE, gemm.blas());
                case KNN -> KernelMethods.knnError(train, test, 5);
            };
            out.put(b, error);
        }
        return out;
    }
}
