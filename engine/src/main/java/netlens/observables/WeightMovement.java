package netlens.observables;

import java.util.Set;
import netlens.nn.Mlp;
import netlens.observe.Layer;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;

/** ‖θ − θ₀‖/‖θ₀‖ for each layer's weights and biases and for the whole network: small throughout in the lazy regime. */
public record WeightMovement() implements Observable {
    @Override
    public String key() {
        return "weight_movement";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.WEIGHTS, Need.INITIAL_WEIGHTS);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() || !site.input() ? Set.of("weight_movement") : Set.of();
    }

    @Override
    public Measurements atLayer(Probe probe, Layer layer) {
        if (layer.index() == 0) return new Measurements();
        Mlp net = probe.network();
        return measured(movement(net, probe.initial(), net.weightOffset(layer.index()), net.biasEnd(layer.index())));
    }

    @Override
    public Measurements atProbe(Probe probe) {
        return measured(movement(probe.network(), probe.initial(), 0, probe.network().parameterCount()));
    }

    /** Nothing where nothing started (all initial parameters zero). */
    private static Measurements measured(double movement) {
        return Double.isNaN(movement) ? new Measurements() : new Measurements().put("weight_movement", movement);
    }

    /** ‖θ − θ₀‖/‖θ₀‖ over parameters [from, to). */
    private static double movement(Mlp net, Mlp initial, int from, int to) {
        double diff = 0, base = 0;
        for (int i = from; i < to; i++) {
            double p = net.params().buffer().get(i), p0 = initial.params().buffer().get(i);
            diff += (p - p0) * (p - p0);
            base += p0 * p0;
        }
        return base > 0 ? Math.sqrt(diff / base) : Double.NaN;
    }
}
