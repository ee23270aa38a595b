package netlens.nn;

/**
 * How weights are drawn and scaled (docs/definitions.md §2). A layer computes z = s·W a + b.
 */
public enum Parameterisation {
    /** PyTorch's nn.Linear: s = 1, weights drawn by the network's {@link Init}. */
    STANDARD("standard"),
    /** Neural tangent (Jacot et al. 2018): W, b ~ N(0, 1), s = 1/√fan_in in every layer. */
    NTK("ntk"),
    /** Mean field (Mei, Montanari & Nguyen 2018): as NTK, but the output layer has s = 1/fan_in. */
    MEAN_FIELD("meanField");

    private final String key;

    Parameterisation(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The scale s of layer l (1..layers) with fanIn inputs. */
    public float scale(int l, int layers, int fanIn) {
        return switch (this) {
            case STANDARD -> 1f;
            case NTK -> (float) (1 / Math.sqrt(fanIn));
            case MEAN_FIELD -> l == layers ? 1f / fanIn : (float) (1 / Math.sqrt(fanIn));
        };
    }
}
