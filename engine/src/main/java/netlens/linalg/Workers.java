package netlens.linalg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that runs the tiles of one job at a time; the caller works too.
 * Which thread runs a tile never changes a result: callers split work into tiles whose shapes
 * do not depend on the thread count, so numbers are identical for any {@code --threads}.
 * Training issues jobs a few dozen microseconds apart, so idle workers spin briefly before they
 * sleep: a sleeping thread takes longer to wake than many jobs take to run.
 * Threads get 8 MB stacks because native LAPACK can overflow the default on large inputs.
 */
public final class Workers implements AutoCloseable {
    private static final long STACK_BYTES = 8L << 20;
    private static final long SPIN_NANOS = 200_000;

    private final int threads;
    private final Thread[] team;
    private final Object lock = new Object();
    private volatile Job job;
    private volatile boolean closed;
    private final AtomicInteger sleeping = new AtomicInteger();

    private static final class Job {
        final int tiles;
        final IntConsumer body;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final Thread owner;
        volatile Throwable failure;

        Job(int tiles, IntConsumer body, Thread owner) {
            this.tiles = tiles;
            this.body = body;
            this.owner = owner;
        }

        void work() {
            int t;
            while ((t = next.getAndIncrement()) < tiles) {
                try {
                    if (failure == null) body.accept(t);
                } catch (Throwable e) {
                    failure = e;
                }
                if (done.incrementAndGet() == tiles) LockSupport.unpark(owner);
            }
        }
    }

    public Workers(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.team = new Thread[threads - 1];
        for (int i = 0; i < team.length; i++) {
            Thread t = new Thread(null, this::loop, "netlens-worker-" + (i + 1), STACK_BYTES);
            t.setDaemon(true);
            team[i] = t;
            t.start();
        }
    }

    public int threads() {
        return threads;
    }

    /** Runs body(0..tiles-1), each exactly once, and returns when all are done. Not reentrant. */
    public void forEach(int tiles, IntConsumer body) {
        if (tiles <= 0) return;
        if (team.length == 0 || tiles == 1) {
            for (int t = 0; t < tiles; t++) body.accept(t);
            return;
        }
        Job j = new Job(tiles, body, Thread.currentThread());
        job = j;
        if (sleeping.get() > 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
        j.work();
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (j.done.get() < tiles) {
            if (System.nanoTime() < deadline) Thread.onSpinWait();
            else LockSupport.park(this);
        }
        if (j.failure != null) {
            if (j.failure instanceof RuntimeException r) throw r;
            if (j.failure instanceof Error e) throw e;
            throw new RuntimeException(j.failure);
        }
    }

    private void loop() {
        Job last = null;
        while (!closed) {
            Job j = job;
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (!closed && (j == null || j == last) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                j = job;
            }
            if (j == null || j == last) {
                synchronized (lock) {
                    sleeping.incrementAndGet();
                    try {
                        while (!closed && (job == null || job == last)) lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    } finally {
                        sleeping.decrementAndGet();
                    }
                    j = job;
                }
            }
            if (j == null || j == last) continue;
            last = j;
            j.work();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
