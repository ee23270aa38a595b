package netlens.probe;

import java.util.Arrays;

/**
 * Which probes to take and how often: every {@code every} epochs (plus the initial and the final
 * network), on at most {@code maxSamples} training samples (a stratified random subset beyond
 * that), at the given layers (0 = input … L = logits; null = all).
 */
public record ProbeConfig(int every, int maxSamples, boolean embeddings, boolean collapse, int[] layers) {
    public ProbeConfig {
        if (every < 1) throw new IllegalArgumentException("every must be >= 1, got " + every);
        if (maxSamples < 2) throw new IllegalArgumentException("samples must be >= 2, got " + maxSamples);
        if (layers != null) {
            layers = Arrays.stream(layers).distinct().sorted().toArray();
            if (layers.length == 0) throw new IllegalArgumentException("layers must name at least one layer");
        }
    }

    public ProbeConfig(int every, int maxSamples, boolean embeddings, boolean collapse) {
        this(every, maxSamples, embeddings, collapse, null);
    }

    /** Whether layer l (of a network with L affine layers) is probed. */
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
    public boolean equals(Object o) {
        return o instanceof ProbeConfig p && every == p.every && maxSamples == p.maxSamples && embeddings == p.embeddings
                && collapse == p.collapse && Arrays.equals(layers, p.layers);
    }

    @Override
    public int hashCode() {
        return ((every * 31 + maxSamples) * 31 + (embeddings ? 1 : 0) * 2 + (collapse ? 1 : 0)) * 31 + Arrays.hashCode(layers);
    }
}
