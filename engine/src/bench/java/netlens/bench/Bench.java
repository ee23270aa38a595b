package netlens.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * `./run --bench [--data DIR] [--threads N]`: one epoch of the reference MLP on MNIST, a probe of
 * every layer, the empirical NTK, and the linear-algebra kernels.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) {
        Path data = null;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bench" -> { }
                case "--data" -> data = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("netlens: --bench takes --data DIR and --threads N, not '" + args[i] + "'");
                    System.exit(2);
                }
            }
        }
        System.out.println("netlens benchmark: MLP 784-512-256-128-64-10, ReLU, batch 128, SGD momentum 0.9, float32, full MNIST");
        TrainBenchmark.Result r = TrainBenchmark.run(data, threads, 3, line -> System.out.println("  " + line));
        System.out.println(String.format(Locale.ROOT, "%s, %d threads: %.2f s/epoch (best of %d)", r.backend(), r.threads(), r.best(),
                r.secondsPerEpoch().length));
        System.out.println(String.format(Locale.ROOT, "probe of every layer on 10,000 samples (PCA + all collapse measures, one thread): %.2f s = %.2f epochs",
                r.probeSeconds(), r.probeSeconds() / r.best()));
        System.out.println(String.format(Locale.ROOT, "empirical NTK (trace over the 10 outputs) on 2,000 training images: %.2f s", r.ntkSeconds()));
        System.out.println("linear algebra kernels, one thread:");
        LinalgBenchmark.run(line -> System.out.println("  " + line));
    }
}
