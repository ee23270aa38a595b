package netlens.run;

import java.util.List;
import netlens.data.Split;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.observe.LayerInfo;
import netlens.observe.Measurements;
import netlens.observe.ProbeRecord;
import netlens.train.EpochMetrics;
import netlens.train.Trainer;

/**
 * What a run produced: per-epoch metrics, the probes' measurements, the outcome, the trained
 * network's parameters (so a report can save it), and what a report needs to say where it came from.
 *
 * @param weights       the network's parameters at the end, in {@link Mlp#params()}'s layout
 * @param layers        the probed layers, input first (every probe has the same)
 * @param probeLabels   class of each probe sample, in the order of every per-sample measurement
 * @param acrossProbes  measurements comparing probes (e.g. CKA between epochs)
 * @param afterTraining measurements taken once training completed, on the whole data
 * @param warnings      things the reader should know before trusting a figure
 * @param timings       seconds spent loading data, training (steps + evaluation) and probing (on a
 *                      background thread, overlapping training)
 */
public record Results(Experiment experiment, MlpSpec network, float[] weights, Data data, List<EpochMetrics> history,
                      List<LayerInfo> layers, int[] probeLabels, List<ProbeRecord> probes, Measurements acrossProbes,
                      Measurements afterTraining, Trainer.Outcome outcome, List<String> warnings, Timings timings, Machine machine) {
    public Results {
        history = List.copyOf(history);
        layers = List.copyOf(layers);
        probes = List.copyOf(probes);
        warnings = List.copyOf(warnings);
    }

    /** The data a run used: its description, class names, sizes and source files. */
    public record Data(String description, List<String> classNames, int trainSize, int testSize, List<Split.SourceFile> files) {
        public Data {
            classNames = List.copyOf(classNames);
            files = List.copyOf(files);
        }
    }

    public record Timings(double loadSeconds, double trainSeconds, double probeSeconds) {}

    /** The linear-algebra backend and the threads the run had. */
    public record Machine(String backend, int threads) {}

    public int parameters() {
        return weights.length;
    }

    /** The network as it ended. */
    public Mlp trained() {
        return Mlp.of(network, weights);
    }

    public boolean complete() {
        return outcome.status() == Trainer.Status.COMPLETED;
    }

    /** The last epoch's metrics. */
    public EpochMetrics last() {
        return history.get(history.size() - 1);
    }

    /** The same results under another experiment (a cached point read back under its plan). */
    public Results of(Experiment e) {
        return new Results(e, network, weights, data, history, layers, probeLabels, probes, acrossProbes, afterTraining, outcome,
                warnings, timings, machine);
    }
}
