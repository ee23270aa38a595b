package netlens.data;

/**
 * The two regimes of learning the feature/lazy studies compare (Chizat & Bach; Geiger et al.):
 * features learnt (small α of the α-trick) or a network that stays near its linearisation, a kernel
 * method on its initial NTK (large α). Data models may predict each regime's learning-curve exponent.
 */
public enum Regime {
    FEATURE("feature"),
    LAZY("lazy");

    /** The name of the sweep axis whose values are the regimes' keys. */
    public static final String AXIS = "regime";

    private final String key;

    Regime(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The regime with this key, or null. */
    public static Regime of(String key) {
        for (Regime r : values()) if (r.key.equals(key)) return r;
        return null;
    }
}
