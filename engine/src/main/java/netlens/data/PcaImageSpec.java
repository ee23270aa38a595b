package netlens.data;

import java.util.List;
import netlens.linalg.Backend;
import netlens.linalg.ClassStatistics;
import netlens.linalg.Pca;
import netlens.util.Rng;

/**
 * "d-PCA MNIST" (docs/definitions.md §1): every image is centred by the training mean and normalised
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
    public int classCount() {
        return 2;
    }

    @Override
    public int inputs() {
        return d;
    }

    @Override
    public String describe() {
        return d + "-PCA " + collection.title() + " parity, p = " + p + " train, " + pTest + " test";
    }

    /** The projected images, shared through the store: a sweep's points project once for every p and seed. */
    private record Projected(float[] train, int[] trainDigits, float[] test, int[] testDigits, List<Split.SourceFile> files) {}

    @Override
    public Split load(DataStore store, long seed) {
        Projected all = projected(store);
        if (p > all.trainDigits.length) throw new IllegalArgumentException("p = " + p + " but " + collection.title() + " has " + all.trainDigits.length + " training images");
        if (pTest > all.testDigits.length) throw new IllegalArgumentException("pTest = " + pTest + " but " + collection.title() + " has " + all.testDigits.length + " test images");
        Rng rng = Rng.stream(seed, "pca-subset");
        return new Split(parity(all.train, all.trainDigits, rng.permutation(all.trainDigits.length), p, "train"),
                parity(all.test, all.testDigits, rng.permutation(all.testDigits.length), pTest, "test"), all.files);
    }

    private Projected projected(DataStore store) {
        return store == null ? project(null) : store.shared("pca-images/" + collection + "/" + d, () -> project(store));
    }

    private Projected project(DataStore store) {
        Split full = new ImageSpec(collection, null, 0, 0, Scale.UNIT).load(store, 0);
        Dataset train = full.train(), test = full.test();
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
        float rescale = (float) Math.sqrt(d * train.size() / sq);
        float[] projectedTest = pca.project(normalised(test, mean), test.size());
        for (int i = 0; i < projected.length; i++) projected[i] *= rescale;
        for (int i = 0; i < projectedTest.length; i++) projectedTest[i] *= rescale;
        return new Projected(projected, digits(train), projectedTest, digits(test), full.files());
    }

    private static int[] digits(Dataset data) {
        int[] out = new int[data.size()];
        for (int i = 0; i < out.length; i++) out[i] = Integer.parseInt(data.classNames().get(data.labels()[i]));
        return out;
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

    private Dataset parity(float[] projected, int[] digits, int[] order, int n, String split) {
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int src = order[i];
            System.arraycopy(projected, src * d, x, i * d, d);
            y[i] = digits[src] % 2;
        }
        return new Dataset(d + "-PCA " + collection.title() + " " + split, x, y, d, List.of("even", "odd"));
    }
}
