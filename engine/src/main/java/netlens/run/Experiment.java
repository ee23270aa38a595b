package netlens.run;

import java.util.List;
import netlens.data.DataSpec;
import netlens.kernel.Baseline;
import netlens.kernel.CollapseKernel;
import netlens.probe.ProbeConfig;
import netlens.train.TrainConfig;

/**
 * One experiment as plain values: what a script declares, minus the report. probe may be null;
 * baselines (binary tasks) are scored after training, and the kernels' NC1 on the training inputs
 * is measured beside the trained network's.
 */
public record Experiment(String name, long seed, DataSpec data, ModelSpec model, TrainConfig train, ProbeConfig probe,
                         List<Baseline> baselines, List<CollapseKernel> kernels) {
    public Experiment {
        ExperimentName.check(name);
        baselines = List.copyOf(baselines);
        kernels = List.copyOf(kernels);
    }

    public Experiment(String name, long seed, DataSpec data, ModelSpec model, TrainConfig train, ProbeConfig probe) {
        this(name, seed, data, model, train, probe, List.of(), List.of());
    }
}
