package netlens.run;

import java.util.List;
import netlens.data.Split;
import netlens.nn.MlpSpec;
import netlens.probe.ProbeResult;
import netlens.train.EpochMetrics;
import netlens.train.Trainer;

/**
 * What a run produced: per-epoch metrics, probes, the outcome, and the provenance a report needs.
 *
 * @param probeLabels class of each probed sample, in the order of every probe's coordinates
 * @param timings     seconds spent loading data, training (steps + evaluation) and probing (on a
 *                    background thread, overlapping training)
 */
public record Results(Experiment experiment, MlpSpec network, int parameters, String dataDescription,
                      List<String> classNames, int trainSize, int testSize, List<Split.SourceFile> dataFiles,
                      List<EpochMetrics> history, List<ProbeResult> probes, int[] probeLabels,
                      Trainer.Outcome outcome, Timings timings, String backend, int threads) {

    public record Timings(double loadSeconds, double trainSeconds, double probeSeconds) {}

    public boolean complete() {
        return outcome.status() == Trainer.Status.COMPLETED;
    }
}
