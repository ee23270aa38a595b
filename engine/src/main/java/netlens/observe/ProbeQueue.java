package netlens.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netlens.nn.Mlp;

/**
 * Runs probes on a background thread, in order, on snapshots of the network, so training never
 * waits for them. The numbers are those a synchronous probe would give: each probe sees a copy of
 * the parameters taken at its epoch.
 */
public final class ProbeQueue implements AutoCloseable {
    private final Prober prober;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "netlens-probe", 8L << 20);
        t.setDaemon(true);
        return t;
    });
    private final List<Future<ProbeRecord>> pending = new ArrayList<>();
    private volatile double seconds;

    public ProbeQueue(Prober prober) {
        this.prober = prober;
    }

    /** Queues a probe of the network as it is now. */
    public void submit(int epoch, Mlp net) {
        Mlp snapshot = net.copy();
        pending.add(thread.submit(() -> {
            long t0 = System.nanoTime();
            ProbeRecord r = prober.probe(epoch, snapshot);
            seconds += (System.nanoTime() - t0) / 1e9;
            return r;
        }));
    }

    /** Whether a probe has failed (its exception is thrown by {@link #finish}): training need not go on. */
    public boolean failed() {
        for (Future<ProbeRecord> f : pending) {
            if (!f.isDone() || f.isCancelled()) continue;
            try {
                f.get();
            } catch (ExecutionException e) {
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** The probes in order, and what the observables measured across them. */
    public record Finished(List<ProbeRecord> probes, Measurements acrossProbes) {}

    /**
     * Waits for the probes. With {@code finishQueued} false, probes not yet started are dropped
     * (after an interrupt) and only finished ones are kept.
     */
    public Finished finish(boolean finishQueued) {
        if (!finishQueued) for (Future<ProbeRecord> f : pending) f.cancel(false);
        List<ProbeRecord> out = new ArrayList<>();
        for (Future<ProbeRecord> f : pending) {
            try {
                out.add(f.get());
            } catch (CancellationException e) {
                // dropped after an interrupt
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                throw unwrap(e);
            }
        }
        try {
            return new Finished(out, thread.submit(prober::finish).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Finished(out, new Measurements());
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    /**
     * After an error: the probes that finished without one, dropping the rest, and what the
     * observables make of them (nothing, if that fails too).
     */
    public Finished succeeded() {
        List<ProbeRecord> out = new ArrayList<>();
        for (Future<ProbeRecord> f : pending) {
            f.cancel(false);
            if (!f.isDone() || f.isCancelled()) continue;
            try {
                out.add(f.get());
            } catch (ExecutionException | CancellationException e) {
                // the failed probe, or one dropped
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            return new Finished(out, thread.submit(prober::finish).get());
        } catch (ExecutionException | RuntimeException e) {
            return new Finished(out, new Measurements());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Finished(out, new Measurements());
        }
    }

    private static RuntimeException unwrap(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) return r;
        if (e.getCause() instanceof Error err) throw err;
        return new IllegalStateException(e.getCause());
    }

    /** Seconds the probe thread has spent probing. */
    public double seconds() {
        return seconds;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        prober.close();
    }
}
