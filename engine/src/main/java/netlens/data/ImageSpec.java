package netlens.data;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import netlens.util.Rng;

/**
 * A class subset of MNIST or Fashion-MNIST: which classes (relabelled 0..K−1 in the order given),
 * how many samples per class in each split (0 = all, drawn at random with the seed otherwise,
 * then kept in file order), the pixel scaling, and whether the training labels are shuffled: a random
 * permutation of them, so class sizes stay the same and no label says anything about its image (Zhang
 * et al. 2017's random labels, as Ansuini et al. 2019 use them); the test labels stay true.
 */
public record ImageSpec(ImageCollection collection, int[] classes, int trainPerClass, int testPerClass, Scale scale,
                        boolean randomLabels) implements DataSpec {
    public ImageSpec {
        classes = classes == null ? java.util.stream.IntStream.range(0, collection.classNames().size()).toArray() : classes.clone();
        ClassSubset.check(classes, collection.classNames().size(), collection.title());
        if (trainPerClass < 0) throw new IllegalArgumentException("trainPerClass must be >= 0 (0 = all), got " + trainPerClass);
        if (testPerClass < 0) throw new IllegalArgumentException("testPerClass must be >= 0 (0 = all), got " + testPerClass);
    }

    public ImageSpec(ImageCollection collection, int[] classes, int trainPerClass, int testPerClass, Scale scale) {
        this(collection, classes, trainPerClass, testPerClass, scale, false);
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    /** MNIST and Fashion-MNIST images are 28 × 28. */
    @Override
    public int classCount() {
        return classes.length;
    }

    @Override
    public int inputs() {
        return 28 * 28;
    }

    @Override
    public String describe() {
        String cls = Arrays.stream(classes).mapToObj(c -> collection.classNames().get(c)).collect(Collectors.joining(", "));
        return collection.title() + " classes " + cls + ": "
                + ClassSubset.counts(trainPerClass, testPerClass) + ", scale " + scale.key()
                + (randomLabels ? ", training labels shuffled" : "");
    }

    @Override
    public Split load(DataStore store, long seed) {
        // The two splits are fetched and decompressed in parallel: gunzip dominates start-up.
        CompletableFuture<Part> testPart = CompletableFuture.supplyAsync(() -> read(store, collection.testImages, collection.testLabels));
        Part train = read(store, collection.trainImages, collection.trainLabels);
        Part test;
        try {
            test = testPart.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
        Rng rng = Rng.stream(seed, "data");
        int[] trainIdx = pick(train.y, trainPerClass, "trainPerClass", rng);
        int[] testIdx = pick(test.y, testPerClass, "testPerClass", rng);
        float[] xTrain = pixels(train.x, trainIdx);
        float[] xTest = pixels(test.x, testIdx);
        if (scale == Scale.STANDARD) standardise(xTrain, xTest);
        List<String> names = Arrays.stream(classes).mapToObj(c -> collection.classNames().get(c)).toList();
        int dim = train.x.itemSize();
        int[] yTrain = relabel(train.y, trainIdx);
        if (randomLabels) yTrain = shuffled(yTrain, Rng.stream(seed, "random-labels"));
        return new Split(new Dataset(collection.title() + " train", xTrain, yTrain, dim, names),
                new Dataset(collection.title() + " test", xTest, relabel(test.y, testIdx), dim, names),
                List.of(train.xFile, train.yFile, test.xFile, test.yFile));
    }

    private record Part(Idx.Array x, Idx.Array y, Split.SourceFile xFile, Split.SourceFile yFile) {}

    private Part read(DataStore store, ImageCollection.RemoteFile images, ImageCollection.RemoteFile labels) {
        Split.SourceFile xf = store.fetch(collection, images);
        Split.SourceFile yf = store.fetch(collection, labels);
        Idx.Array x = store.readIdx(xf);
        Idx.Array y = store.readIdx(yf);
        if (x.dims().length != 3) throw new DataException(images.name() + ": expected a 3-D IDX image array, got " + x);
        if (y.dims().length != 1) throw new DataException(labels.name() + ": expected a 1-D IDX label array, got " + y);
        if (x.count() != y.count())
            throw new DataException(images.name() + " has " + x.count() + " images but " + labels.name() + " has " + y.count() + " labels");
        return new Part(x, y, xf, yf);
    }

    private int[] pick(Idx.Array labels, int perClass, String key, Rng rng) {
        return ClassSubset.pick(labels::value, labels.count(), classes, perClass, key,
                c -> collection.title() + " class " + collection.classNames().get(c), rng);
    }

    private float[] pixels(Idx.Array images, int[] idx) {
        int d = images.itemSize();
        byte[] item = new byte[d];
        float[] x = new float[idx.length * d];
        float f = scale == Scale.RAW ? 1f : 1f / 255f;
        for (int i = 0; i < idx.length; i++) {
            images.values(idx[i] * d, item, d);
            for (int j = 0, dst = i * d; j < d; j++) x[dst + j] = (item[j] & 0xff) * f;
        }
        return x;
    }

    private int[] relabel(Idx.Array labels, int[] idx) {
        return ClassSubset.relabel(labels::value, idx, classes);
    }

    private static int[] shuffled(int[] y, Rng rng) {
        int[] perm = rng.permutation(y.length);
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) out[i] = y[perm[i]];
        return out;
    }

    private static void standardise(float[] train, float[] test) {
        double sum = 0, sq = 0;
        for (float v : train) {
            sum += v;
            sq += (double) v * v;
        }
        double mean = sum / train.length;
        double std = Math.sqrt(Math.max(sq / train.length - mean * mean, 1e-12));
        for (float[] x : new float[][] {train, test})
            for (int i = 0; i < x.length; i++) x[i] = (float) ((x[i] - mean) / std);
    }
}
