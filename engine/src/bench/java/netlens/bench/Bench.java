package netlens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * `./run --bench [--peers] [--data DIR] [--threads N]`: training epochs of the reference MLP on
 * MNIST, a probe of every layer, the empirical NTK, a symmetric eigendecomposition and the
 * linear-algebra kernels. With --peers, each task's PyTorch peer (engine/src/bench/python) runs
 * right after netlens's, on the same threads, and the ratio netlens / PyTorch is printed.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) {
        Path data = null;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean peers = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bench" -> { }
                case "--peers" -> peers = true;
                case "--data" -> data = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("netlens: --bench takes --peers, --data DIR and --threads N, not '" + args[i] + "'");
                    System.exit(2);
                }
            }
        }
        Peers peer = null;
        if (peers) {
            String missing = Peers.missing();
            if (missing != null) {
                System.err.println("netlens: --peers needs Debian's PyTorch: " + missing);
                System.exit(2);
            }
            Path mnist = mnistFolder(data);
            peer = new Peers(Path.of(System.getProperty("netlens.home", ".")).resolve("engine/src/bench/python"), mnist, threads);
        }
        System.out.println("netlens benchmark, " + threads + " threads: MLP 784-512-256-128-64-10, ReLU, batch 128, SGD momentum 0.9, float32, full MNIST");
        try (TrainBenchmark bench = new TrainBenchmark(data, threads, line -> System.out.println("  " + line))) {
            // Training takes longest, so it alternates twice with its peer: a slow spell of the
            // machine then falls on both sides, and each keeps its best epoch.
            double epoch = bench.train(3, line -> System.out.println("  " + line));
            double peerEpoch = peer == null ? Double.NaN : peer.trainingEpoch(3);
            if (peer != null) {
                epoch = Math.min(epoch, bench.train(3, line -> System.out.println("  " + line)));
                peerEpoch = Math.min(peerEpoch, peer.trainingEpoch(3));
            }
            report("training epoch", epoch, peerEpoch, 0.75);
            report("probe of every layer, 10,000 samples (PCA + collapse)", bench.probe(3), peer == null ? Double.NaN : peer.seconds("probe"), 0.5);
            report("empirical NTK, trace over 10 outputs, 2,000 images", bench.ntk(3), peer == null ? Double.NaN : peer.seconds("ntk"), 0.6);
        }
        report("eigh 2000 × 2000, values and vectors", LinalgBenchmark.eigh(threads), peer == null ? Double.NaN : peer.seconds("eigh"), 1.0);
        System.out.println("linear algebra kernels, one thread (eigh from order 1,000 on OpenBLAS's fixed two):");
        LinalgBenchmark.run(line -> System.out.println("  " + line));
    }

    private static void report(String task, double netlens, double pytorch, double goal) {
        if (Double.isNaN(pytorch)) System.out.println(String.format(Locale.ROOT, "%-58s netlens %7.3f s", task, netlens));
        else System.out.println(String.format(Locale.ROOT, "%-58s netlens %7.3f s  PyTorch %7.3f s  ratio %.2f (goal ≤ %.2f)",
                task, netlens, pytorch, netlens / pytorch, goal));
    }

    /** The best of [repeats] timed runs after one untimed warm-up. */
    static double best(int repeats, Runnable task) {
        task.run();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            task.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static Path mnistFolder(Path data) {
        for (Path candidate : new Path[] {data, envData(), netlens.util.Caches.root()}) {
            if (candidate != null && Files.isDirectory(candidate.resolve("mnist"))) return candidate.resolve("mnist");
        }
        System.err.println("netlens: --peers reads MNIST's IDX files from --data DIR (a folder holding mnist/)");
        System.exit(2);
        return null;
    }

    private static Path envData() {
        String env = System.getenv("NETLENS_DATA");
        return env == null ? null : Path.of(env);
    }
}
