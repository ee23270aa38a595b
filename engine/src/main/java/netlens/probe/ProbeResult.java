package netlens.probe;

import java.util.List;

/** Everything one probe measured at one epoch, layer by layer (0 = input … L = logits; only probed layers). */
public record ProbeResult(int epoch, List<LayerProbe> layers) {
    public ProbeResult {
        layers = List.copyOf(layers);
    }

    /** The probe of layer l, or null when that layer was not probed. */
    public LayerProbe layer(int l) {
        for (LayerProbe p : layers) if (p.layer() == l) return p;
        return null;
    }
}
