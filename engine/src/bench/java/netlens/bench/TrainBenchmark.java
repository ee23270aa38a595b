package netlens.bench;

import java.nio.file.Path;
import java.util.Locale;
import netlens.data.DataStore;
import netlens.data.Dataset;
import netlens.data.ImageCollection;
import netlens.data.ImageSpec;
import netlens.data.Scale;
import netlens.data.Split;
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
 * one epoch on full MNIST. Prints seconds per epoch for each timed epoch after a warm-up epoch.
 */
public final class TrainBenchmark {
    private TrainBenchmark() {}

    /**
     * @param probeSeconds one probe of the trained network on 10,000 training samples: every
     *                     layer's PCA and all collapse measures, the input layer included
     * @param ntkSeconds   the trace empirical NTK of the trained network on its first 2,000 training images
     */
    public record Result(String backend, int threads, double[] secondsPerEpoch, double probeSeconds, double ntkSeconds) {
        public double best() {
            double b = Double.POSITIVE_INFINITY;
            for (double s : secondsPerEpoch) b = Math.min(b, s);
            return b;
        }
    }

    public static Result run(Path dataFolder, int threads, int epochs, java.util.function.Consumer<String> log) {
        Split split = new ImageSpec(ImageCollection.MNIST, null, 0, 0, Scale.UNIT)
                .load(DataStore.standard(dataFolder, log), 1);
        MlpSpec spec = new MlpSpec(784, new int[] {512, 256, 128, 64}, 10, Activation.RELU, true, Init.PYTORCH);
        double[] seconds = new double[epochs];
        double probeSeconds, ntkSeconds;
        try (Workers workers = new Workers(threads)) {
            Trainer trainer = new Trainer(new Gemm(Backend.blas(), workers));
            Mlp net = Mlp.initialise(spec, 1);
            // One extra leading epoch warms the JIT and is not counted.
            TrainConfig config = new TrainConfig(Loss.CROSS_ENTROPY, new OptimizerSpec.Sgd(0.01, 0.9, false, 0), 128, epochs + 1, null, 0);
            Dataset noTest = new Dataset("none", new float[0], new int[0], 784, split.train().classNames());
            Trainer.Outcome outcome = trainer.train(net, split.train(), noTest, config, 1, (m, n) -> {
                if (m.epoch() >= 2) {
                    seconds[m.epoch() - 2] = m.seconds();
                    log.accept(String.format(Locale.ROOT, "epoch %d: %.2f s (train loss %.4f, accuracy %.4f)",
                            m.epoch() - 1, m.seconds(), m.trainLoss(), m.trainAccuracy()));
                }
            });
            if (outcome.status() != Trainer.Status.COMPLETED) throw new IllegalStateException("benchmark training " + outcome.message());
            ProbeSchedule probes = ProbeSchedule.every(1, 10_000);
            java.util.List<Observable> measures = java.util.List.of(new PrincipalComponents(), new Collapse());
            try (Prober prober = new Prober(Backend.blas(), probes, measures, split.train(), split.test(), 1)) {
                prober.probe(0, net);                              // warm-up
                long t0 = System.nanoTime();
                try (Prober fresh = new Prober(Backend.blas(), probes, measures, split.train(), split.test(), 1)) {
                    fresh.probe(0, net);
                }
                probeSeconds = (System.nanoTime() - t0) / 1e9;
            }
            int[] first = new int[2000];
            for (int i = 0; i < first.length; i++) first[i] = i;
            Dataset ntkSamples = split.train().select(first);
            Gemm gemm = new Gemm(Backend.blas(), workers);
            long t0 = System.nanoTime();
            netlens.kernel.EmpiricalNtk.of(net, ntkSamples, gemm, log);
            ntkSeconds = (System.nanoTime() - t0) / 1e9;
        }
        return new Result(Backend.blas().name(), threads, seconds, probeSeconds, ntkSeconds);
    }
}
