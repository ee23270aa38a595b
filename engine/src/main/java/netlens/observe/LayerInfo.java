package netlens.observe;

/** A probed layer: its index (0 = input … L = logits), name and width. */
public record LayerInfo(int index, String name, int width) {
    /** "input", "h1" … "h{L−1}", "logits". */
    public static String name(int l, int layers) {
        return l == 0 ? "input" : l == layers ? "logits" : "h" + l;
    }

    /** "h2 (128)". */
    public String label() {
        return name + " (" + width + ")";
    }
}
