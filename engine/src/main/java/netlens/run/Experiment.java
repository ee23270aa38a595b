package netlens.run;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netlens.data.DataSpec;
import netlens.observe.Observable;
import netlens.observe.ProbeSchedule;
import netlens.train.TrainConfig;

/**
 * One experiment as plain values: what a script declares, minus the report. The observables are
 * measured at the probes of the schedule (none when it is null) and after training.
 */
public record Experiment(String name, long seed, DataSpec data, ModelSpec model, TrainConfig train, ProbeSchedule probes,
                         List<Observable> observables) {
    public Experiment {
        ExperimentName.check(name);
        observables = List.copyOf(observables);
        Set<String> keys = new HashSet<>();
        for (Observable o : observables)
            if (!keys.add(o.key())) throw new IllegalArgumentException("two observables are called " + o.key());
    }
}
