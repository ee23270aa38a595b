package netlens.observe;

import java.util.Arrays;

/**
 * When and where to probe: every {@code every} epochs, or exactly at the epochs {@code at} (plus the
 * initial and the final network), on at most {@code samples} training samples (a stratified random
 * subset beyond that, and as many test samples for held-out measures), at the given layers
 * (0 = input … L = logits; null = all).
 */
public record ProbeSchedule(int every, int[] at, int samples, int[] layers) {
    public ProbeSchedule {
        if (every < 1) throw new IllegalArgumentException("every must be >= 1, got " + every);
        if (samples < 2) throw new IllegalArgumentException("samples must be >= 2, got " + samples);
        if (layers != null) {
            layers = Arrays.stream(layers).distinct().sorted().toArray();
            if (layers.length == 0) throw new IllegalArgumentException("layers must name at least one layer");
        }
        if (at != null) {
            at = Arrays.stream(at).distinct().sorted().toArray();
            if (at.length == 0 || at[0] < 0) throw new IllegalArgumentException("probe epochs must be a non-empty list of epochs >= 0");
        }
    }

    /** Every {@code every} epochs at every layer. */
    public static ProbeSchedule every(int every, int samples) {
        return new ProbeSchedule(every, null, samples, null);
    }

    /** Whether a probe is due after this epoch (epoch 0 = the initial network, always probed). */
    public boolean due(int epoch) {
        if (epoch == 0) return true;
        return at != null ? Arrays.binarySearch(at, epoch) >= 0 : epoch % every == 0;
    }

    /** Whether layer l is probed. */
    public boolean probes(int l) {
        return layers == null || Arrays.binarySearch(layers, l) >= 0;
    }

    /** Checks the chosen layers against a network with {@code affineLayers} = L affine layers. */
    public void check(int affineLayers) {
        if (layers == null) return;
        for (int l : layers)
            if (l < 0 || l > affineLayers)
                throw new IllegalArgumentException("probe layer " + l + " does not exist: the network has layers 0 (input) to "
                        + affineLayers + " (logits)");
    }

    @Override
    public int[] layers() {
        return layers == null ? null : layers.clone();
    }

    @Override
    public int[] at() {
        return at == null ? null : at.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProbeSchedule p && every == p.every && Arrays.equals(at, p.at) && samples == p.samples
                && Arrays.equals(layers, p.layers);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(every, Arrays.hashCode(at), samples, Arrays.hashCode(layers));
    }

    @Override
    public String toString() {
        return "ProbeSchedule[every=" + every + ", at=" + Arrays.toString(at) + ", samples=" + samples + ", layers=" + Arrays.toString(layers) + "]";
    }
}
