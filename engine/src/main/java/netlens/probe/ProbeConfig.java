package netlens.probe;

import java.util.Arrays;

/**
 * Which probes to take and how often: every {@code every} epochs (plus the initial and the final
 * network), on at most {@code maxSamples} training samples (a stratified random subset beyond
 * that, and as many test samples), at the given layers (0 = input … L = logits; null = all).
 *
 * @param projection         how embeddings are drawn in 2-D, or null for no embeddings
 * @param collapse           NC1–NC4, CDNV, NCC accuracy (train and test), He–Su separation
 * @param intrinsicDimension TwoNN on at most this many samples; 0 = off
 * @param linearProbe        ridge-classifier accuracy on frozen features (train and test)
 * @param cka                linear CKA layer × layer and epoch × epoch on this many samples; 0 = off
 * @param weightMovement     ‖θ_l − θ_l(0)‖/‖θ_l(0)‖ per layer
 * @param spectrum           keep each layer's PCA spectrum (effective ranks are always measured)
 * @param at                 probe exactly at these epochs instead of every {@code every} (null: use every)
 * @param inputGrid          for 2-D inputs: decision regions on this many points per side, and the
 *                           vector field of the map into the last 2-unit layer; 0 = off
 * @param ntk                the empirical NTK on this many probe samples, with its spectrum, label
 *                           projections, alignment and mutual information; 0 = off
 * @param neurons            neuron positions and attractors (one-hidden-layer networks)
 */
public record ProbeConfig(int every, int maxSamples, int[] layers, Projection projection, boolean collapse,
                          int intrinsicDimension, boolean linearProbe, int cka, boolean weightMovement, boolean spectrum,
                          int[] at, int inputGrid, int ntk, boolean neurons) {
    /** Eigenvalues kept per layer and probe for the spectrum figure. */
    public static final int SPECTRUM_LENGTH = 64;

    public ProbeConfig {
        if (every < 1) throw new IllegalArgumentException("every must be >= 1, got " + every);
        if (maxSamples < 2) throw new IllegalArgumentException("samples must be >= 2, got " + maxSamples);
        if (intrinsicDimension < 0 || intrinsicDimension == 1 || intrinsicDimension == 2)
            throw new IllegalArgumentException("intrinsicDimension samples must be 0 (off) or >= 3, got " + intrinsicDimension);
        if (cka < 0 || cka == 1) throw new IllegalArgumentException("cka samples must be 0 (off) or >= 2, got " + cka);
        if (layers != null) {
            layers = Arrays.stream(layers).distinct().sorted().toArray();
            if (layers.length == 0) throw new IllegalArgumentException("layers must name at least one layer");
        }
        if (at != null) {
            at = Arrays.stream(at).distinct().sorted().toArray();
            if (at.length == 0 || at[0] < 0) throw new IllegalArgumentException("probe epochs must be a non-empty list of epochs >= 0");
        }
        if (inputGrid < 0 || inputGrid == 1) throw new IllegalArgumentException("inputGrid must be 0 (off) or >= 2, got " + inputGrid);
        if (ntk < 0 || ntk == 1) throw new IllegalArgumentException("ntk samples must be 0 (off) or >= 2, got " + ntk);
    }

    /** Same probes, taken at the given epochs. */
    public ProbeConfig at(int[] epochs) {
        return new ProbeConfig(every, maxSamples, layers, projection, collapse, intrinsicDimension, linearProbe, cka, weightMovement,
                spectrum, epochs, inputGrid, ntk, neurons);
    }

    /** Whether a probe is due after this epoch (epoch 0 = the initial network, always probed). */
    public boolean due(int epoch) {
        if (epoch == 0) return true;
        return at != null ? Arrays.binarySearch(at, epoch) >= 0 : epoch % every == 0;
    }

    /** PCA embeddings and the collapse measures, at every layer. */
    public ProbeConfig(int every, int maxSamples, boolean embeddings, boolean collapse) {
        this(every, maxSamples, null, embeddings ? new Projection.Pca() : null, collapse, 0, false, 0, false, false, null, 0, 0, false);
    }

    /** Every probe netlens has, PCA embeddings, at every layer. */
    public static ProbeConfig all(int every, int maxSamples) {
        return new ProbeConfig(every, maxSamples, null, new Projection.Pca(), true, 2000, true, 1000, true, true, null, 0, 0, false);
    }

    public boolean embeddings() {
        return projection != null;
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
        return o instanceof ProbeConfig p && every == p.every && maxSamples == p.maxSamples && Arrays.equals(layers, p.layers)
                && java.util.Objects.equals(projection, p.projection) && collapse == p.collapse
                && intrinsicDimension == p.intrinsicDimension && linearProbe == p.linearProbe && cka == p.cka
                && weightMovement == p.weightMovement && spectrum == p.spectrum && Arrays.equals(at, p.at) && inputGrid == p.inputGrid
                && ntk == p.ntk && neurons == p.neurons;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(every, maxSamples, Arrays.hashCode(layers), projection, collapse, intrinsicDimension,
                linearProbe, cka, weightMovement, spectrum, Arrays.hashCode(at), inputGrid, ntk, neurons);
    }
}
