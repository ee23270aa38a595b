package netlens.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netlens.data.DataStore;
import netlens.data.Split;
import netlens.linalg.Blas;
import netlens.linalg.Gemm;
import netlens.linalg.Workers;

/**
 * Runs several experiments (the variants of one script), as many at once as there are threads,
 * splitting the threads between them. Each run has its own workers and its own random streams, and
 * matrix products are tiled independently of thread counts, so every run's numbers are the ones it
 * would give alone. Runs with the same data and seed share one loaded copy.
 */
public final class Batch {
    /** A listener for the run at this index. */
    @FunctionalInterface
    public interface Listeners {
        Runner.Listener forRun(int index, Experiment experiment);
    }

    private Batch() {}

    public static List<Results> run(List<Experiment> experiments, Blas blas, int threads, DataStore store, Listeners listeners) {
        return run(experiments, blas, threads, store, listeners, (i, r) -> {});
    }

    /** As above, calling {@code done} with each run's results as soon as that run ends. */
    public static List<Results> run(List<Experiment> experiments, Blas blas, int threads, DataStore store, Listeners listeners,
                                    java.util.function.BiConsumer<Integer, Results> done) {
        int concurrent = Math.max(1, Math.min(experiments.size(), threads));
        int perRun = Math.max(1, threads / concurrent);
        Map<String, Split> loaded = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrent, r -> {
            Thread t = new Thread(null, r, "netlens-run", 8L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Results>> futures = new ArrayList<>();
            for (int i = 0; i < experiments.size(); i++) {
                Experiment e = experiments.get(i);
                Runner.Listener listener = listeners.forRun(i, e);
                int index = i;
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    String key = e.data().getClass().getName() + "|" + e.data().describe() + "|" + e.seed();
                    Split split = loaded.computeIfAbsent(key, k -> {
                        listener.status("loading " + e.data().describe());
                        return e.data().load(store, e.seed());
                    });
                    try (Workers workers = new Workers(perRun)) {
                        Results r = new Runner(new Gemm(blas, workers), store).run(e, split, (System.nanoTime() - t0) / 1e9, listener);
                        done.accept(index, r);
                        return r;
                    }
                }));
            }
            List<Results> out = new ArrayList<>();
            for (Future<Results> f : futures) out.add(get(f));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Results get(Future<Results> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a run", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
