package netlens.observe;

/**
 * Where an observable would measure, known before training: a layer of a network with these widths
 * (input = 0 … logits), or the network as a whole (layer = {@link #NETWORK}).
 */
public record Site(int[] widths, int layer) {
    public static final int NETWORK = -1;

    public boolean network() {
        return layer == NETWORK;
    }

    /** The number of affine layers L. */
    public int layers() {
        return widths.length - 1;
    }

    public int width() {
        return widths[layer];
    }

    public boolean input() {
        return layer == 0;
    }

    public boolean hidden() {
        return layer > 0 && layer < layers();
    }

    /** The classifier's input, layer L − 1. */
    public boolean penultimate() {
        return layer == layers() - 1;
    }
}
