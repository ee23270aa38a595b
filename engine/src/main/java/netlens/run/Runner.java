package netlens.run;

import java.util.ArrayList;
import java.util.List;
import netlens.data.DataStore;
import netlens.data.Split;
import netlens.linalg.Gemm;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.observe.Measurements;
import netlens.observe.Observable;
import netlens.observe.ProbeQueue;
import netlens.observe.Prober;
import netlens.observe.Trained;
import netlens.train.EpochMetrics;
import netlens.train.Trainer;

/** Runs an experiment: load data, initialise, train, probe on schedule and at the end, measure after training. */
public final class Runner {
    /** Progress callbacks; all default to doing nothing. */
    public interface Listener {
        default void status(String message) {}

        default void epoch(EpochMetrics metrics, int maxEpochs) {}

        default void step(int epoch, int step, int steps, double loss) {}

        default boolean cancelled() {
            return false;
        }
    }

    private final Gemm gemm;
    private final DataStore store;

    public Runner(Gemm gemm, DataStore store) {
        this.gemm = gemm;
        this.store = store;
    }

    public Results run(Experiment e, Listener listener) {
        long t0 = System.nanoTime();
        listener.status("loading " + e.data().describe());
        Split split = e.data().load(store, e.seed());
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        return run(e, split, loadSeconds, listener);
    }

    /** Hidden layers narrower than K − 1, where no simplex ETF fits (Papyan et al. assume D ≥ K − 1). */
    static List<String> warnings(MlpSpec spec, int classes) {
        List<String> out = new ArrayList<>();
        int[] hidden = spec.hidden();
        for (int l = 0; l < hidden.length; l++)
            if (hidden[l] < classes - 1)
                out.add("h" + (l + 1) + " has " + hidden[l] + " units, fewer than K − 1 = " + (classes - 1)
                        + ": its class means cannot form a simplex ETF, so NC2 cannot reach zero there");
        return out;
    }

    /**
     * Trains and probes. An error once training has begun (a script's until { } or probe, memory)
     * is thrown as a {@link RunFailure} holding what was measured before it, when there is anything.
     */
    public Results run(Experiment e, Split split, double loadSeconds, Listener listener) {
        int classes = split.train().classes();
        MlpSpec spec = e.model().resolve(split.train().dim(), e.train().loss().outputs(classes));
        if (e.probes() != null) e.probes().check(spec.hidden().length + 1);
        List<String> warnings = warnings(spec, classes);
        for (String w : warnings) listener.status("warning: " + w);
        Mlp net = e.model().network(spec, e.seed());
        Mlp initial = net.copy();
        Prober prober = e.probes() == null ? null : new Prober(gemm.blas(), 1, e.probes(), e.observables(), split.train(), split.test(), e.seed());
        List<EpochMetrics> seen = new ArrayList<>();
        long t1 = System.nanoTime();
        try (ProbeQueue queue = prober == null ? null : new ProbeQueue(prober)) {
            Trainer.Outcome outcome = null;
            ProbeQueue.Finished probes = null;
            double trainSeconds = Double.NaN;
            try {
                int[] lastProbed = {-1};
                outcome = new Trainer(gemm).train(net, split.train(), split.test(), e.train(), e.seed(), new Trainer.Listener() {
                    @Override
                    public void epochEnd(EpochMetrics m, Mlp n) {
                        seen.add(m);
                        listener.epoch(m, e.train().maxEpochs());
                        if (queue != null && e.probes().due(m.epoch())) {
                            queue.submit(m.epoch(), n);
                            lastProbed[0] = m.epoch();
                        }
                    }

                    @Override
                    public void stepEnd(int epoch, int step, int steps, double loss) {
                        listener.step(epoch, step, steps, loss);
                    }

                    @Override
                    public boolean cancelled() {
                        return listener.cancelled() || queue != null && queue.failed();     // a failed probe ends the run with its error
                    }

                    @Override
                    public boolean wantsEvaluation(int epoch) {
                        return queue != null && e.probes().due(epoch);
                    }
                });
                trainSeconds = (System.nanoTime() - t1) / 1e9;
                boolean completed = outcome.status() == Trainer.Status.COMPLETED;
                // A completed run always ends with a probe of the final network.
                int last = outcome.history().get(outcome.history().size() - 1).epoch();
                if (queue != null && lastProbed[0] != last && completed) queue.submit(last, net);
                if (queue != null) listener.status("finishing probes");
                probes = queue == null ? NO_PROBES : queue.finish(completed);
                Measurements after = new Measurements();
                if (completed)
                    for (Observable o : e.observables()) {
                        Measurements m = o.afterTraining(new Trained(initial, net, split, gemm));
                        if (m.isEmpty()) continue;
                        after.putAll(m);
                        listener.status(o.key() + " measured");
                    }
                return results(e, spec, net, split, prober, outcome, probes, after, warnings, new Results.Timings(loadSeconds, trainSeconds, seconds(queue)));
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError failure) {
                List<EpochMetrics> history = outcome != null ? outcome.history() : seen;
                if (history.isEmpty()) throw failure;
                Trainer.Outcome failed = new Trainer.Outcome(Trainer.Status.FAILED, history, outcome != null ? outcome.targetEpoch() : -1,
                        "stopped by an error: " + describe(failure));
                ProbeQueue.Finished kept = probes != null ? probes : queue == null ? NO_PROBES : queue.succeeded();
                if (Double.isNaN(trainSeconds)) trainSeconds = (System.nanoTime() - t1) / 1e9;
                Results.Timings timings = new Results.Timings(loadSeconds, trainSeconds, seconds(queue));
                throw new RunFailure(results(e, spec, net, split, prober, failed, kept, new Measurements(), warnings, timings), failure);
            }
        }
    }

    private static final ProbeQueue.Finished NO_PROBES = new ProbeQueue.Finished(List.of(), new Measurements());

    /** An error as a reader wants it: its message, with its kind when that says more (out of memory). */
    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t instanceof Error || message == null ? t.getClass().getSimpleName() + (message == null ? "" : ": " + message) : message;
    }

    private static double seconds(ProbeQueue queue) {
        return queue == null ? 0 : queue.seconds();
    }

    private Results results(Experiment e, MlpSpec spec, Mlp net, Split split, Prober prober, Trainer.Outcome outcome, ProbeQueue.Finished probes,
                            Measurements after, List<String> warnings, Results.Timings timings) {
        return new Results(e, spec, net.parameterArray(),
                new Results.Data(e.data().describe(), split.train().classNames(), split.train().size(), split.test().size(), split.files()),
                outcome.history(), prober == null ? List.of() : prober.layers(spec.widths()),
                prober == null ? new int[0] : prober.sample().labels(), probes.probes(), probes.acrossProbes(), after, outcome, warnings,
                timings, new Results.Machine(gemm.blas().name(), gemm.workers().threads()));
    }
}
