package netlens.data;

import java.util.Arrays;
import java.util.List;

/**
 * Samples as float32 features (row-major n×d) with integer labels 0..K−1 and the class names.
 * Immutable by convention: nothing in netlens writes to the arrays after construction.
 */
public record Dataset(String name, float[] features, int[] labels, int dim, List<String> classNames) {
    public Dataset {
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1");
        if (features.length != labels.length * dim)
            throw new IllegalArgumentException(features.length + " feature values do not make " + labels.length + " samples of dimension " + dim);
        classNames = List.copyOf(classNames);
        for (int y : labels)
            if (y < 0 || y >= classNames.size()) throw new IllegalArgumentException("label " + y + " outside 0.." + (classNames.size() - 1));
    }

    public int size() {
        return labels.length;
    }

    public int classes() {
        return classNames.size();
    }

    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (int y : labels) counts[y]++;
        return counts;
    }

    /** The samples at the given indices, in that order. */
    public Dataset select(int[] indices) {
        float[] x = new float[indices.length * dim];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * dim, x, i * dim, dim);
            y[i] = labels[indices[i]];
        }
        return new Dataset(name, x, y, dim, classNames);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " × " + dim + ", classes " + classNames + ", counts " + Arrays.toString(classCounts()) + ")";
    }
}
