package netlens.observe;

import netlens.data.Dataset;
import netlens.linalg.Blas;
import netlens.linalg.ClassStatistics;
import netlens.linalg.Pca;

/**
 * One layer as a probe sees it: its activations on the probe samples, and the class statistics and
 * principal components derived from them, computed once however many observables use them.
 */
public final class Layer {
    private final LayerInfo info;
    private final float[] features;
    private final float[] testFeatures;
    private final Dataset sample;
    private final Dataset testSample;
    private final Blas blas;
    private ClassStatistics statistics;
    private Pca pca;

    Layer(LayerInfo info, float[] features, float[] testFeatures, Dataset sample, Dataset testSample, Blas blas) {
        this.info = info;
        this.features = features;
        this.testFeatures = testFeatures;
        this.sample = sample;
        this.testSample = testSample;
        this.blas = blas;
    }

    public LayerInfo info() {
        return info;
    }

    /** 0 = input … L = logits. */
    public int index() {
        return info.index();
    }

    public String name() {
        return info.name();
    }

    public int width() {
        return info.width();
    }

    /** samples × width, row-major. */
    public float[] features() {
        return features;
    }

    /** The same on the probe's test samples (empty unless an observable needs {@link Need#TEST_FEATURES}). */
    public float[] testFeatures() {
        return testFeatures;
    }

    public int samples() {
        return sample.size();
    }

    public int[] labels() {
        return sample.labels();
    }

    public int[] testLabels() {
        return testSample.labels();
    }

    public int classes() {
        return sample.classes();
    }

    /** Class counts, means and covariances of the features. */
    public ClassStatistics statistics() {
        if (statistics == null) statistics = ClassStatistics.of(features, width(), labels(), classes(), blas);
        return statistics;
    }

    /** The features' principal components (two kept as axes, the whole spectrum as values). */
    public Pca pca() {
        if (pca == null) pca = Pca.of(statistics().totalCov, statistics().sampleMean, width(), 2, blas);
        return pca;
    }

    /** The rows of the features at these sample indices. */
    public float[] rows(int[] subset) {
        int w = width();
        float[] out = new float[subset.length * w];
        for (int i = 0; i < subset.length; i++) System.arraycopy(features, subset[i] * w, out, i * w, w);
        return out;
    }
}
