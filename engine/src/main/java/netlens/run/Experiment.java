package netlens.run;

import java.util.List;
import netlens.data.DataSpec;
import netlens.kernel.Baseline;
import netlens.probe.ProbeConfig;
import netlens.train.TrainConfig;

/**
 * One experiment as plain values: what a script declares, minus the report. probe may be null;
 * baselines (binary tasks) are scored after training.
 */
public record Experiment(String name, long seed, DataSpec data, ModelSpec model, TrainConfig train, ProbeConfig probe,
                         List<Baseline> baselines) {
    public Experiment {
        ExperimentName.check(name);
        baselines = List.copyOf(baselines);
    }

    public Experiment(String name, long seed, DataSpec data, ModelSpec model, TrainConfig train, ProbeConfig probe) {
        this(name, seed, data, model, train, probe, List.of());
    }
}
