package netlens.run;

import java.util.List;
import netlens.data.DataStore;
import netlens.data.Split;
import netlens.kernel.Baselines;
import netlens.kernel.KernelStudy;
import netlens.linalg.Gemm;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.probe.ProbeQueue;
import netlens.probe.Prober;
import netlens.train.EpochMetrics;
import netlens.train.Trainer;

/** Runs an experiment: load data, initialise, train, probe on schedule and at the end. */
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
        List<String> out = new java.util.ArrayList<>();
        int[] hidden = spec.hidden();
        for (int l = 0; l < hidden.length; l++)
            if (hidden[l] < classes - 1)
                out.add("h" + (l + 1) + " has " + hidden[l] + " units, fewer than K − 1 = " + (classes - 1)
                        + ": its class means cannot form a simplex ETF, so NC2 cannot reach zero there");
        return out;
    }

    public Results run(Experiment e, Split split, double loadSeconds, Listener listener) {
        int classes = split.train().classes();
        MlpSpec spec = e.model().resolve(split.train().dim(), e.train().loss().outputs(classes));
        if (e.probe() != null) e.probe().check(spec.hidden().length + 1);
        List<String> warnings = warnings(spec, classes);
        for (String w : warnings) listener.status("warning: " + w);
        Mlp net = Mlp.initialise(spec, e.seed());
        Mlp initial = e.baselines().isEmpty() ? null : net.copy();
        Prober prober = e.probe() == null ? null : new Prober(gemm.blas(), e.probe(), split.train(), split.test(), e.seed());
        try (ProbeQueue queue = prober == null ? null : new ProbeQueue(prober)) {
            int[] lastProbed = {-1};
            long t1 = System.nanoTime();
            Trainer.Outcome outcome = new Trainer(gemm).train(net, split.train(), split.test(), e.train(), e.seed(), new Trainer.Listener() {
                @Override
                public void epochEnd(EpochMetrics m, Mlp n) {
                    listener.epoch(m, e.train().maxEpochs());
                    if (queue != null && e.probe().due(m.epoch())) {
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
                    return listener.cancelled();
                }

                @Override
                public boolean wantsEvaluation(int epoch) {
                    return queue != null && e.probe().due(epoch);
                }
            });
            double trainSeconds = (System.nanoTime() - t1) / 1e9;
            boolean completed = outcome.status() == Trainer.Status.COMPLETED;
            // A completed run always ends with a probe of the final network.
            int last = outcome.history().get(outcome.history().size() - 1).epoch();
            if (queue != null && lastProbed[0] != last && completed) queue.submit(last, net);
            if (queue != null) listener.status("finishing probes");
            ProbeQueue.Finished probes = queue == null ? new ProbeQueue.Finished(List.of(), List.of()) : queue.finish(completed);
            int[] probeLabels = prober == null ? new int[0] : prober.sample().labels();
            var baselines = completed && initial != null ? Baselines.errors(e.baselines(), initial, net, split, gemm)
                    : java.util.Map.<netlens.kernel.Baseline, Double>of();
            if (!baselines.isEmpty()) listener.status("baselines scored");
            var collapse = completed && !e.kernels().isEmpty() ? KernelStudy.measure(e.kernels(), net, split.train(), gemm)
                    : java.util.Map.<String, netlens.kernel.KernelCollapse>of();
            if (!collapse.isEmpty()) listener.status("kernel NC1 measured");
            return new Results(e, spec, net.parameterCount(), e.data().describe(), split.train().classNames(),
                    split.train().size(), split.test().size(), split.files(), outcome.history(), probes.probes(), probes.epochCka(), probeLabels, outcome, warnings, baselines,
                    collapse, new Results.Timings(loadSeconds, trainSeconds, queue == null ? 0 : queue.seconds()),
                    gemm.blas().name(), gemm.workers().threads());
        }
    }
}
