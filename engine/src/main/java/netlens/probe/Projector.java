package netlens.probe;

import java.util.Arrays;
import netlens.linalg.Pca;
import netlens.util.Rng;
import tagbio.umap.Umap;

/** Computes the 2-D coordinates a {@link Projection} asks for. */
public final class Projector {
    private Projector() {}

    /**
     * n×2 coordinates (row-major; NaN for points a projection leaves out).
     *
     * @param subset for UMAP: the sample indices to embed (stratified, fixed for the run)
     */
    public static float[] project(Projection p, float[] h, int n, int dim, Pca pca, long seed, int layer, int[] subset) {
        if (p instanceof Projection.Umap u) return umap(u, h, dim, subset, n, seed);
        if (p instanceof Projection.Random) return random(h, n, dim, pca.centre, Rng.stream(seed ^ layer * 0x9E3779B97F4A7C15L, "random-projection"));
        return pca.project(h, n);
    }

    private static float[] random(float[] h, int n, int dim, double[] centre, Rng rng) {
        double[] r = new double[dim * 2];
        for (int i = 0; i < r.length; i++) r[i] = rng.gaussian() / Math.sqrt(2);
        float[] out = new float[n * 2];
        for (int i = 0; i < n; i++) {
            double a = 0, b = 0;
            for (int j = 0; j < dim; j++) {
                double v = h[i * dim + j] - centre[j];
                a += v * r[j * 2];
                b += v * r[j * 2 + 1];
            }
            out[2 * i] = (float) a;
            out[2 * i + 1] = (float) b;
        }
        return out;
    }

    private static float[] umap(Projection.Umap u, float[] h, int dim, int[] subset, int n, long seed) {
        float[][] x = new float[subset.length][];
        for (int i = 0; i < subset.length; i++) x[i] = Arrays.copyOfRange(h, subset[i] * dim, (subset[i] + 1) * dim);
        Umap umap = new Umap();
        umap.setNumberComponents(2);
        umap.setNumberNearestNeighbours(Math.min(u.neighbours(), subset.length - 1));
        umap.setMinDist((float) u.minDist());
        umap.setSeed(seed);
        umap.setThreads(1);
        float[][] y = umap.fitTransform(x);
        float[] out = new float[n * 2];
        Arrays.fill(out, Float.NaN);
        for (int i = 0; i < subset.length; i++) {
            out[2 * subset[i]] = y[i][0];
            out[2 * subset[i] + 1] = y[i][1];
        }
        return out;
    }
}
