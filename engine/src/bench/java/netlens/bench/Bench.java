package netlens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * `./run --bench [--peers] [--data DIR] [--threads N]`: training epochs of the reference MLP on
 * MNIST, a probe of every layer, the empirical NTK, a symmetric eigendecomposition and the
 * linear-algebra kernels. With --peers, each task alternates twice with its PyTorch peer
 * (engine/src/bench/python) on the same threads, and the ratio of their best times is printed.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) {
        Path data = null;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean peers = false;
        int costs = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bench" -> { }
                case "--peers" -> peers = true;
                case "--costs" -> costs = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("netlens: --bench takes --peers, --costs MAX_P, --data DIR and --threads N, not '" + args[i] + "'");
                    System.exit(2);
                }
            }
        }
        if (costs > 0) {
            System.out.println("one feature/lazy sweep point's parts on the stripe model (d = 5, 4,000 test samples, 100 hidden ReLU), " + threads + " threads:");
            PointCosts.run(threads, costs, System.out::println);
            return;
        }
        if (peers && Peers.missing() != null) {
            System.err.println("netlens: --peers needs Debian's PyTorch: " + Peers.missing());
            System.exit(2);
        }
        Peers peer = peers ? new Peers(Path.of(System.getProperty("netlens.home", ".")).resolve("engine/src/bench/python"), mnistFolder(data), threads) : null;
        System.out.println("netlens benchmark, " + threads + " threads: MLP 784-512-256-128-64-10, ReLU, batch 128, SGD momentum 0.9, float32, full MNIST");
        try (TrainBenchmark bench = new TrainBenchmark(data, threads, line -> System.out.println("  " + line))) {
            paired("training epoch", () -> bench.train(3, line -> System.out.println("  " + line)), peer == null ? null : round -> peer.trainingEpoch(3, round),
                    0.75);
            paired("probe of every layer, 10,000 samples (PCA + collapse)", () -> bench.probe(3), task(peer, "probe"), 0.5);
            paired("empirical NTK, trace over 10 outputs, 2,000 images", () -> bench.ntk(3), task(peer, "ntk"), 0.6);
        }
        paired("eigh 2000 × 2000, values and vectors", LinalgBenchmark::eigh, task(peer, "eigh"), 1.0);
        System.out.println("linear algebra kernels, one thread (eigh from order 1,000 on OpenBLAS's fixed two):");
        LinalgBenchmark.run(line -> System.out.println("  " + line));
    }

    /** A task of peers.py, by its round, or null without peers. */
    private static java.util.function.IntToDoubleFunction task(Peers peer, String name) {
        return peer == null ? null : round -> peer.seconds(name, round);
    }

    /**
     * A task and its peer alternating twice (netlens, peer, netlens, peer in its other BLAS setting):
     * a slow spell of the machine, which moves single timings by 20 % here, then falls on both sides,
     * and each keeps its best.
     */
    private static void paired(String task, java.util.function.DoubleSupplier netlens, java.util.function.IntToDoubleFunction peer, double goal) {
        double ours = netlens.getAsDouble();
        if (peer == null) {
            report(task, ours, Double.NaN, goal);
            return;
        }
        double theirs = peer.applyAsDouble(0);
        ours = Math.min(ours, netlens.getAsDouble());
        theirs = Math.min(theirs, peer.applyAsDouble(1));
        report(task, ours, theirs, goal);
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
