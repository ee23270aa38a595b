package netlens.probe;

/**
 * What a network does to its 2-D input plane: the predicted class on a fine grid (decision
 * regions) and, on a coarse grid, where the map into a 2-unit layer sends each point (the vector
 * field of the input → bottleneck map). Grids cover [min, max]² row by row, y outer, x inner.
 *
 * @param predicted       resolution² predicted classes
 * @param fieldResolution points per side of the coarse grid (0 when the network has no 2-unit layer)
 * @param field           fieldResolution² × 2 activations of {@code fieldLayer}
 */
public record InputMap(double min, double max, int resolution, int[] predicted,
                       int fieldLayer, int fieldResolution, float[] field) {
    /** The i-th of n evenly spaced coordinates from min to max. */
    public double coordinate(int i, int n) {
        return n == 1 ? (min + max) / 2 : min + (max - min) * i / (n - 1);
    }
}
