package netlens.bench;

import java.util.Locale;
import java.util.function.Consumer;
import netlens.data.Dataset;
import netlens.data.GaussianBinarySpec;
import netlens.data.Split;
import netlens.kernel.EmpiricalNtk;
import netlens.kernel.Gram;
import netlens.kernel.KernelMethods;
import netlens.linalg.Backend;
import netlens.linalg.Gemm;
import netlens.linalg.Workers;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.nn.Parameterisation;
import netlens.train.Loss;
import netlens.train.OptimizerSpec;
import netlens.train.TrainConfig;
import netlens.train.Trainer;

/**
 * `./run --bench --costs`: what one point of the feature/lazy sweeps costs as p grows, on the stripe
 * model (d = 5, 4,000 test samples) with the examples' network (one hidden layer of 100 ReLU,
 * mean-field, α = 1): a step of gradient flow on the soft hinge, the empirical NTK on the training
 * set and against the test set, the SVM on it, and 5-nearest neighbours, each timed once (the NTK
 * and SVM are skipped beyond {@code maxKernel}, whose memory is printed before anything is allocated).
 */
final class PointCosts {
    private PointCosts() {}

    static void run(int threads, int maxP, Consumer<String> out) {
        out.accept(String.format(Locale.ROOT, "%7s %12s %10s %10s %10s %10s %12s", "p", "flow step", "NTK train", "NTK test", "SVM", "5-NN", "kernels"));
        try (Workers workers = new Workers(threads)) {
            Gemm gemm = new Gemm(Backend.blas(), workers);
            for (int p = 1024; p <= maxP; p *= 2) {
                Split split = new GaussianBinarySpec(GaussianBinarySpec.Model.STRIPE, 5, p, 4000).load(null, 1);
                Mlp net = Mlp.initialise(new MlpSpec(5, new int[] {100}, 1, Activation.RELU, true, Init.PYTORCH, Parameterisation.MEAN_FIELD, 1.0), 1);
                double step = flowStep(net, split, gemm);
                long kernelBytes = Gram.bytes(p, p) + Gram.bytes(split.test().size(), p);
                long t0 = System.nanoTime();
                Gram train = EmpiricalNtk.of(net, split.train(), gemm, s -> {});
                double ntkTrain = seconds(t0);
                t0 = System.nanoTime();
                Gram test = EmpiricalNtk.between(net, split.test(), split.train(), gemm, s -> {});
                double ntkTest = seconds(t0);
                t0 = System.nanoTime();
                KernelMethods.svmError(train, test, split.train().labels(), split.test().labels(), netlens.kernel.Baseline.SVM_C);
                double svm = seconds(t0);
                t0 = System.nanoTime();
                KernelMethods.knnError(split.train(), split.test(), 5);
                double knn = seconds(t0);
                out.accept(String.format(Locale.ROOT, "%7d %9.2f ms %8.2f s %8.2f s %8.2f s %8.2f s %9.0f MB", p, 1e3 * step, ntkTrain, ntkTest, svm, knn,
                        kernelBytes / 1e6));
            }
        }
    }

    /**
     * Seconds per full-batch gradient-flow step (forward, backward, the step rule) as flowToMargins runs
     * it (metrics every 1/15 of the run), over 2,000 steps after 1,000 that let the JIT compile the loop.
     */
    private static double flowStep(Mlp net, Split split, Gemm gemm) {
        Dataset none = new Dataset("none", new float[0], new int[0], split.train().dim(), split.train().classNames());
        OptimizerSpec flow = new OptimizerSpec.GradientFlow(1e-2, 1.1, 0.1, 1e-3, 0.1, 1e6);
        steps(net, split, none, flow, gemm, 1000);
        long t0 = System.nanoTime();
        steps(net, split, none, flow, gemm, 2000);
        return seconds(t0) / 2000;
    }

    private static void steps(Mlp net, Split split, Dataset test, OptimizerSpec flow, Gemm gemm, int steps) {
        TrainConfig config = new TrainConfig(new Loss.SoftHinge(20), flow, 0, steps, null, 0, steps / 15, new netlens.train.LearningRate.Constant());
        new Trainer(gemm).train(net.copy(), split.train(), test, config, 1, (m, n) -> {});
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
