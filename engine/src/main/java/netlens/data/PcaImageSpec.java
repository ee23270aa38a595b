package netlens.data;

import java.util.List;
import netlens.linalg.Backend;
import netlens.probe.ClassStatistics;
import netlens.probe.Pca;
import netlens.util.Rng;

/**
 * "d-PCA MNIST" (docs/science.md §1): every image is centred by the training mean and normalised
 * to ‖x‖ = √D (D = 784), projected on the top d principal components of the normalised training
 * images, and rescaled so that E‖x‖² = d over the training set. The binary label is the parity of
 * the digit: class 0 even, class 1 odd. p training and pTest test images are drawn at random.
 */
public record PcaImageSpec(ImageCollection collection, int d, int p, int pTest) implements DataSpec {
    public PcaImageSpec {
        if (d < 1 || d > 784) throw new IllegalArgumentException("d must be between 1 and 784, got " + d);
        if (p < 2) throw new IllegalArgumentException("p must be >= 2, got " + p);
        if (pTest < 0) throw new IllegalArgumentException("pTest must be >= 0, got " + pTest);
    }

    /** The same task with p training samples (for learning curves). */
    public PcaImageSpec withP(int trainSize) {
        return new PcaImageSpec(collection, d, trainSize, pTest);
    }

    @Override
    public String describe() {
        return d + "-PCA " + collection.title() + " parity, p = " + p + " train, " + pTest + " test";
    }

    @Override
    public Split load(DataStore store, long seed) {
        Split full = new ImageSpec(collection, null, 0, 0, Scale.UNIT).load(store, seed);
        Dataset train = full.train(), test = full.test();
        if (p > train.size()) throw new IllegalArgumentException("p = " + p + " but " + collection.title() + " has " + train.size() + " training images");
        if (pTest > test.size()) throw new IllegalArgumentException("pTest = " + pTest + " but " + collection.title() + " has " + test.size() + " test images");
        int big = train.dim();
        double[] mean = new double[big];
        for (int i = 0; i < train.size(); i++) for (int j = 0; j < big; j++) mean[j] += train.features()[i * big + j];
        for (int j = 0; j < big; j++) mean[j] /= train.size();
        float[] normTrain = normalised(train, mean);
        // The principal directions come from all training images (one class: plain covariance).
        ClassStatistics stats = ClassStatistics.of(normTrain, big, new int[train.size()], 1, Backend.blas());
        Pca pca = Pca.of(stats.totalCov, stats.sampleMean, big, d, Backend.blas());
        float[] projected = pca.project(normTrain, train.size());
        double sq = 0;
        for (float v : projected) sq += (double) v * v;
        double rescale = Math.sqrt(d * train.size() / sq);
        Rng rng = Rng.stream(seed, "pca-subset");
        Dataset trainSet = parity(projected, train, rng.permutation(train.size()), p, rescale, "train");
        Dataset testSet = parity(pca.project(normalised(test, mean), test.size()), test, rng.permutation(test.size()), pTest, rescale, "test");
        return new Split(trainSet, testSet, full.files());
    }

    private static float[] normalised(Dataset data, double[] mean) {
        int big = data.dim();
        float[] out = new float[data.size() * big];
        double target = Math.sqrt(big);
        for (int i = 0; i < data.size(); i++) {
            double norm = 0;
            for (int j = 0; j < big; j++) norm += Math.pow(data.features()[i * big + j] - mean[j], 2);
            double f = target / Math.sqrt(norm);
            for (int j = 0; j < big; j++) out[i * big + j] = (float) ((data.features()[i * big + j] - mean[j]) * f);
        }
        return out;
    }

    private Dataset parity(float[] projected, Dataset source, int[] order, int n, double rescale, String split) {
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int src = order[i];
            for (int j = 0; j < d; j++) x[i * d + j] = (float) (projected[src * d + j] * rescale);
            y[i] = Integer.parseInt(source.classNames().get(source.labels()[src])) % 2;
        }
        return new Dataset(d + "-PCA " + collection.title() + " " + split, x, y, d, List.of("even", "odd"));
    }
}
