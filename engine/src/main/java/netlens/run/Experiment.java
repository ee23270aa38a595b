package netlens.run;

import netlens.data.DataSpec;
import netlens.probe.ProbeConfig;
import netlens.train.TrainConfig;

/** One experiment as plain values: what a script declares, minus the report. probe may be null. */
public record Experiment(String name, long seed, DataSpec data, ModelSpec model, TrainConfig train, ProbeConfig probe) {
    public Experiment {
        ExperimentName.check(name);
    }
}
