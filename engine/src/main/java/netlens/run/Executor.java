package netlens.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * of thread counts, so a point's numbers are the ones it gives alone. Points with the same data and
 * seed share one loaded copy.
 */
public final class Executor {
    /** A point's results, and whether they were read back from the cache rather than run now. */
    public record Done(Results results, boolean cached) {}

    /** A listener for the point at this index. */
    @FunctionalInterface
    public interface Listeners {
        Runner.Listener forRun(int index, Experiment experiment);
    }

    private final Blas blas;
    private final int threads;
    private final DataStore store;
    private final PointCache cache;

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
        Map<String, Split> loaded = new ConcurrentHashMap<>();
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
                Runner.Listener listener = listeners.forRun(i, e);
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    String data = e.data().getClass().getName() + "|" + e.data().describe() + "|" + e.seed();
                    Split split = loaded.computeIfAbsent(data, k -> {
                        listener.status("loading " + e.data().describe());
                        return e.data().load(store, e.seed());
                    });
                    try (Workers workers = new Workers(perRun)) {
                        Results r = new Runner(new Gemm(blas, workers), store).run(e, split, (System.nanoTime() - t0) / 1e9, listener);
                        if (cache != null) cache.store(p, r);
                        return r;
                    }
                }));
            }
            for (int j = 0; j < missing.size(); j++) out[missing.get(j)] = new Done(get(futures.get(j)), false);
            return List.of(out);
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
