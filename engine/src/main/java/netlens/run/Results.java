package netlens.run;

import java.util.List;
import netlens.data.Split;
import netlens.nn.MlpSpec;
import netlens.probe.ProbeResult;
import netlens.probe.Prober;
import netlens.train.EpochMetrics;
import netlens.train.Trainer;

/**
 * What a run produced: per-epoch metrics, probes, the outcome, and the provenance a report needs.
 *
 * @param epochCka    linear CKA of each layer between probe epochs (empty unless asked for)
 * @param probeLabels class of each probed sample, in the order of every probe's coordinates
 * @param warnings    things the reader should know before trusting a figure
 * @param baselines   test error of each requested kernel or k-NN baseline
 * @param collapse    NC1 of each requested kernel and of the trained network's features and NTK, on the training set
 * @param timings     seconds spent loading data, training (steps + evaluation) and probing (on a
 *                    background thread, overlapping training)
 */
public record Results(Experiment experiment, MlpSpec network, int parameters, String dataDescription,
                      List<String> classNames, int trainSize, int testSize, List<Split.SourceFile> dataFiles,
                      List<EpochMetrics> history, List<ProbeResult> probes, List<Prober.EpochCka> epochCka, int[] probeLabels,
                      Trainer.Outcome outcome, List<String> warnings, java.util.Map<netlens.kernel.Baseline, Double> baselines,
                      java.util.Map<String, netlens.kernel.KernelCollapse> collapse, Timings timings, String backend, int threads) {

    public record Timings(double loadSeconds, double trainSeconds, double probeSeconds) {}

    public boolean complete() {
        return outcome.status() == Trainer.Status.COMPLETED;
    }
}
