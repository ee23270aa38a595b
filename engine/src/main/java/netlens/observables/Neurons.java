package netlens.observables;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlens.observe.Measurement;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;
import netlens.probe.NeuronPositions;

/**
 * For one-hidden-layer networks: every hidden neuron's position z (the point of its hyperplane
 * nearest the origin), output weight and bias sign ("neurons": its first coordinate z1, the norm of
 * the others, …), and the number of attractors, groups of kept neurons active on the same probe samples.
 */
public record Neurons() implements Observable {
    @Override
    public String key() {
        return "neurons";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.WEIGHTS);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() && site.layers() == 2 ? Set.of("attractors", "neurons_kept", "neurons") : Set.of();
    }

    @Override
    public Measurements atProbe(Probe probe) {
        if (probe.network().layers() != 2) return new Measurements();
        NeuronPositions n = NeuronPositions.of(probe.network(), probe.sample());
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n.hidden(); i++) {
            double z1 = n.z()[i * n.dim()], rest = 0;
            for (int j = 1; j < n.dim(); j++) rest += (double) n.z()[i * n.dim() + j] * n.z()[i * n.dim() + j];
            rest = Math.sqrt(rest);
            rows.add(List.of(i, z1, rest, Math.hypot(z1, rest), (double) n.beta()[i], n.biasSign()[i], n.kept()[i] ? 1 : 0));
        }
        return new Measurements().put("attractors", n.attractors()).put("neurons_kept", n.keptCount())
                .put("neurons", new Measurement.Table(List.of("neuron", "z1", "z_rest", "norm", "beta", "bias_sign", "kept"), rows));
    }
}
