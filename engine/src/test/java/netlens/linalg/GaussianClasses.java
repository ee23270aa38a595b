package netlens.linalg;

import java.util.Random;

/** Labelled Gaussian clouds for probe tests: class c has n[c] samples around a random mean. */
public final class GaussianClasses {
    public final int dim;
    public final int[] labels;
    public final float[] features;
    public final int classes;

    public GaussianClasses(int dim, int[] counts, double spread, double noise, long seed) {
        Random r = new Random(seed);
        this.dim = dim;
        this.classes = counts.length;
        int n = java.util.Arrays.stream(counts).sum();
        labels = new int[n];
        features = new float[n * dim];
        double[][] means = new double[classes][dim];
        for (double[] m : means) for (int j = 0; j < dim; j++) m[j] = 5 + spread * r.nextGaussian();   // offset tests cancellation
        int i = 0;
        for (int c = 0; c < classes; c++)
            for (int s = 0; s < counts[c]; s++, i++) {
                labels[i] = c;
                for (int j = 0; j < dim; j++) features[i * dim + j] = (float) (means[c][j] + noise * r.nextGaussian());
            }
    }
}
