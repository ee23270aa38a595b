package netlens.nn;

/** Weight initialisations. Biases follow the same scheme's bias rule. */
public enum Init {
    /** PyTorch nn.Linear: W, b ~ U(−1/√fan_in, 1/√fan_in) (kaiming_uniform with a = √5). */
    PYTORCH("pytorch"),
    /** He et al. 2015: W ~ N(0, 2/fan_in), b = 0. */
    HE("he"),
    /** Glorot & Bengio 2010: W ~ N(0, 2/(fan_in + fan_out)), b = 0. */
    XAVIER("xavier");

    private final String key;

    Init(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
