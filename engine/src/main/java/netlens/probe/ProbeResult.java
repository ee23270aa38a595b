package netlens.probe;

import java.util.List;

/** Everything one probe measured at one epoch, layer by layer (0 = input … L = logits). */
public record ProbeResult(int epoch, List<LayerProbe> layers) {
    public ProbeResult {
        layers = List.copyOf(layers);
    }
}
