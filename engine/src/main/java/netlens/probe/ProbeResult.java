package netlens.probe;

import java.util.List;

/**
 * Everything one probe measured at one epoch: each probed layer (0 = input … L = logits), the
 * He–Su separation fit across the hidden layers, the network's total relative weight movement,
 * and linear CKA between every pair of probed layers (NaN entries where not measured).
 *
 * @param layerCka     CKA between layers()[i] and layers()[j], or null
 * @param inputMap     decision regions and the input → bottleneck vector field, for 2-D inputs, or null
 * @param ntk          the empirical NTK's spectrum and label observables (leading entries only), or null
 * @param neurons      neuron positions and attractors of a one-hidden-layer network, or null
 */
public record ProbeResult(int epoch, List<LayerProbe> layers, Separation separation, double weightMovement, double[][] layerCka,
                          InputMap inputMap, netlens.kernel.KernelSpectrum ntk, NeuronPositions neurons) {
    public ProbeResult {
        layers = List.copyOf(layers);
    }

    /** The probe of layer l, or null when that layer was not probed. */
    public LayerProbe layer(int l) {
        for (LayerProbe p : layers) if (p.layer() == l) return p;
        return null;
    }
}
