package netlens.data;

/** How raw pixel values 0..255 become features. */
public enum Scale {
    /** x / 255, in [0, 1]. */
    UNIT("unit"),
    /** (x/255 − m)/s with m, s the mean and standard deviation over the training pixels. */
    STANDARD("standard"),
    /** The raw 0..255 values. */
    RAW("raw");

    private final String key;

    Scale(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
