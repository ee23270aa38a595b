package netlens.observables;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import netlens.kernel.Baseline;
import netlens.kernel.Baselines;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Site;
import netlens.observe.Trained;

/**
 * Learning-curve baselines for binary tasks, scored after training on the same split: the test
 * error of each ("error_" + its key), e.g. an SVM on the network's NTK at initialisation.
 */
public record KernelBaselines(List<Baseline> baselines) implements Observable {
    public KernelBaselines {
        baselines = List.copyOf(baselines);
        if (baselines.isEmpty()) throw new IllegalArgumentException("name at least one baseline");
    }

    @Override
    public String key() {
        return "baselines";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.TRAINING_DATA, Need.INITIAL_WEIGHTS, Need.WEIGHTS);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() ? baselines.stream().map(b -> "error_" + b.key()).collect(Collectors.toSet()) : Set.of();
    }

    @Override
    public Measurements afterTraining(Trained run) {
        Measurements out = new Measurements();
        for (Map.Entry<Baseline, Double> e : Baselines.errors(baselines, run.initial(), run.network(), run.split(), run.gemm()).entrySet())
            out.put("error_" + e.getKey().key(), e.getValue());
        return out;
    }
}
