package netlens.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import netlens.data.DataStore;
import netlens.data.Split;
import netlens.linalg.Blas;
import netlens.linalg.Gemm;
import netlens.linalg.Workers;

/**
 * Runs the points of a plan: those in the cache are read back, the others run as many at once as
 * there are threads (each with its share of them), and each completed point is cached as soon as
 * it ends. Every point has its own workers and random streams, and products are tiled independently
 * of thread counts, so a point's numbers are the ones it gives alone. Every point's data is loaded
 * before any trains, so a point that cannot load fails the plan before training; points with the
 * same data and seed share one loaded copy, which {@link #data} gives again afterwards (for a
 * report's images) without loading it twice. A point that fails once training began does not stop
 * the others: its results hold what it measured, and its error is kept beside them.
 */
public final class Executor {
    /** A point's results, whether they were read back from the cache rather than run now, and the error that cut it short (or null). */
    public record Done(Results results, boolean cached, Throwable failure) {
        public Done(Results results, boolean cached) {
            this(results, cached, null);
        }
    }

    /** A listener for the point at this index. */
    @FunctionalInterface
    public interface Listeners {
        Runner.Listener forRun(int index, Experiment experiment);
    }

    private final Blas blas;
    private final int threads;
    private final DataStore store;
    private final PointCache cache;
    private final Map<String, Split> loaded = new ConcurrentHashMap<>();

    /** @param cache where points are kept and found, or null to run everything and keep nothing */
    public Executor(Blas blas, int threads, DataStore store, PointCache cache) {
        this.blas = blas;
        this.threads = threads;
        this.store = store;
        this.cache = cache;
    }

    /**
     * Every point's results, in order.
     *
     * @param reuse  whether cached points are read back (false: everything runs, and is cached anew)
     * @param status told how many points are cached and how many run (for one point, only that it was cached)
     */
    public List<Done> run(List<Point> points, boolean reuse, Listeners listeners, Consumer<String> status) {
        Done[] out = new Done[points.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Results hit = reuse && cache != null ? cache.load(points.get(i)) : null;
            if (hit == null) missing.add(i);
            else out[i] = new Done(hit, true);
        }
        if (points.size() > 1) status.accept(points.size() + " points: " + (points.size() - missing.size()) + " cached, " + missing.size() + " to run");
        else if (missing.isEmpty()) status.accept("the results of an identical earlier run, from the cache (--fresh runs it again)");
        if (missing.isEmpty()) return List.of(out);
        int concurrent = Math.max(1, Math.min(missing.size(), threads));
        int perRun = Math.max(1, threads / concurrent);
        Map<String, Double> loadSeconds = new ConcurrentHashMap<>();
        Map<Integer, Runner.Listener> listenerOf = new ConcurrentHashMap<>();
        for (int i : missing) {
            Experiment e = points.get(i).experiment();
            String label = points.get(i).label();
            Runner.Listener listener = listenerOf.computeIfAbsent(i, k -> listeners.forRun(k, e));
            try {
                loaded.computeIfAbsent(dataKey(e), k -> {
                    listener.status("loading " + e.data().describe());
                    long t0 = System.nanoTime();
                    Split split = e.data().load(store, e.seed());
                    loadSeconds.put(k, (System.nanoTime() - t0) / 1e9);
                    return split;
                });
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException(label.isEmpty() ? x.getMessage() : label + ": " + x.getMessage(), x);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrent, r -> {
            Thread t = new Thread(null, r, "netlens-run", 8L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Results>> futures = new ArrayList<>();
            for (int i : missing) {
                Point p = points.get(i);
                Experiment e = p.experiment();
                Runner.Listener listener = listenerOf.get(i);
                futures.add(pool.submit(() -> {
                    Split split = loaded.get(dataKey(e));
                    try (Workers workers = new Workers(perRun)) {
                        Results r = new Runner(new Gemm(blas, workers), store).run(e, split, Objects.requireNonNullElse(loadSeconds.remove(dataKey(e)), 0.0), listener);
                        if (cache != null) cache.store(p, r);
                        return r;
                    }
                }));
            }
            for (int j = 0; j < missing.size(); j++) {
                try {
                    out[missing.get(j)] = new Done(get(futures.get(j)), false);
                } catch (RunFailure f) {
                    out[missing.get(j)] = new Done(f.partial(), false, f.getCause());
                }
            }
            return List.of(out);
        } finally {
            pool.shutdownNow();
        }
    }

    /** An experiment's data: the copy its points trained on, or loaded now (for a point read back from the cache). */
    public Split data(Experiment e) {
        return loaded.computeIfAbsent(dataKey(e), k -> e.data().load(store, e.seed()));
    }

    private static String dataKey(Experiment e) {
        return netlens.util.CanonicalText.of(e.data()) + "|" + e.seed();
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
