package netlens.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import netlens.data.DataStore;
import netlens.data.Dataset;
import netlens.data.ImageCollection;
import netlens.data.ImageSpec;
import netlens.data.Scale;
import netlens.data.Split;
import netlens.kernel.EmpiricalNtk;
import netlens.linalg.Backend;
import netlens.linalg.Gemm;
import netlens.linalg.Workers;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.observables.Collapse;
import netlens.observables.PrincipalComponents;
import netlens.observe.Observable;
import netlens.observe.ProbeSchedule;
import netlens.observe.Prober;
import netlens.train.Loss;
import netlens.train.OptimizerSpec;
import netlens.train.TrainConfig;
import netlens.train.Trainer;

/**
 * The reference benchmark: MLP 784-512-256-128-64-10 (ReLU), batch 128, SGD momentum 0.9, float32,
 * on full MNIST: seconds per training epoch after a warm-up epoch, then, on the trained network, a
 * probe of every layer and the empirical NTK, each the best of a few repeats.
 */
final class TrainBenchmark implements AutoCloseable {
    private final Split split;
    private final Workers workers;
    private final Gemm gemm;
    private final Mlp net;

    TrainBenchmark(Path dataFolder, int threads, Consumer<String> log) {
        split = new ImageSpec(ImageCollection.MNIST, null, 0, 0, Scale.UNIT).load(DataStore.standard(dataFolder, log), 1);
        workers = new Workers(threads);
        gemm = new Gemm(Backend.blas(), workers);
        net = Mlp.initialise(new MlpSpec(784, new int[] {512, 256, 128, 64}, 10, Activation.RELU, true, Init.PYTORCH), 1);
    }

    /** Trains [epochs] timed epochs after one warm-up epoch; the best seconds per epoch. */
    double train(int epochs, Consumer<String> log) {
        double[] seconds = new double[epochs];
        TrainConfig config = new TrainConfig(Loss.CROSS_ENTROPY, new OptimizerSpec.Sgd(0.01, 0.9, false, 0), 128, epochs + 1, null, 0);
        Dataset noTest = new Dataset("none", new float[0], new int[0], 784, split.train().classNames());
        Trainer.Outcome outcome = new Trainer(gemm).train(net, split.train(), noTest, config, 1, (m, n) -> {
            if (m.epoch() >= 2) {
                seconds[m.epoch() - 2] = m.seconds();
                log.accept(String.format(Locale.ROOT, "epoch %d: %.2f s (train loss %.4f, accuracy %.4f)",
                        m.epoch() - 1, m.seconds(), m.trainLoss(), m.trainAccuracy()));
            }
        });
        if (outcome.status() != Trainer.Status.COMPLETED) throw new IllegalStateException("benchmark training " + outcome.message());
        return java.util.Arrays.stream(seconds).min().orElseThrow();
    }

    /** A probe on 10,000 training samples: every layer's PCA and all collapse measures, the input layer included. */
    double probe(int repeats) {
        ProbeSchedule probes = ProbeSchedule.every(1, 10_000);
        List<Observable> measures = List.of(new PrincipalComponents(), new Collapse());
        return Bench.best(repeats, () -> {
            try (Prober prober = new Prober(Backend.blas(), workers.threads(), probes, measures, split.train(), split.test(), 1)) {
                prober.probe(0, net);
            }
        });
    }

    /** The trace empirical NTK on the first 2,000 training images. */
    double ntk(int repeats) {
        int[] first = new int[2000];
        for (int i = 0; i < first.length; i++) first[i] = i;
        Dataset samples = split.train().select(first);
        return Bench.best(repeats, () -> EmpiricalNtk.of(net, samples, gemm, s -> {}));
    }

    @Override
    public void close() {
        workers.close();
    }
}
