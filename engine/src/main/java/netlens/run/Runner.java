package netlens.run;

import java.util.ArrayList;
import java.util.List;
import netlens.data.DataStore;
import netlens.data.Split;
import netlens.linalg.Gemm;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.probe.ProbeResult;
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

    public Results run(Experiment e, Split split, double loadSeconds, Listener listener) {
        int classes = split.train().classes();
        MlpSpec spec = e.model().resolve(split.train().dim(), classes);
        Mlp net = Mlp.initialise(spec, e.seed());
        Prober prober = e.probe() == null ? null : new Prober(gemm, e.probe(), split.train(), e.seed());
        List<ProbeResult> probes = new ArrayList<>();
        double[] probeSeconds = {0};
        int[] lastProbed = {-1};
        long t1 = System.nanoTime();
        Trainer.Outcome outcome = new Trainer(gemm).train(net, split.train(), split.test(), e.train(), e.seed(), new Trainer.Listener() {
            @Override
            public void epochEnd(EpochMetrics m, Mlp n) {
                listener.epoch(m, e.train().maxEpochs());
                if (prober != null && m.epoch() % e.probe().every() == 0) {
                    long p0 = System.nanoTime();
                    probes.add(prober.probe(m.epoch(), n));
                    lastProbed[0] = m.epoch();
                    probeSeconds[0] += (System.nanoTime() - p0) / 1e9;
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
        });
        // A completed run always ends with a probe of the final network.
        int last = outcome.history().get(outcome.history().size() - 1).epoch();
        if (prober != null && lastProbed[0] != last && outcome.status() == Trainer.Status.COMPLETED) {
            long p0 = System.nanoTime();
            probes.add(prober.probe(last, net));
            probeSeconds[0] += (System.nanoTime() - p0) / 1e9;
        }
        double trainSeconds = (System.nanoTime() - t1) / 1e9 - probeSeconds[0];
        int[] probeLabels = prober == null ? new int[0] : prober.sample().labels();
        return new Results(e, spec, net.parameterCount(), e.data().describe(), split.train().classNames(),
                split.train().size(), split.test().size(), split.files(), outcome.history(), probes, probeLabels, outcome,
                new Results.Timings(loadSeconds, trainSeconds, probeSeconds[0]), gemm.blas().name(), gemm.workers().threads());
    }
}
