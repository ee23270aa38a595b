package netlens.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import netlens.util.Rng;

/**
 * A user's own arrays: training and test features with integer labels from .npy, .npz ("data.npz:x_train")
 * or CSV files (features and a label column in one table), taken like a built-in dataset — a class
 * subset relabelled 0..K−1 in the order given, so many samples per class drawn with the seed, the
 * features multiplied by {@code scale} (1/255 for 8-bit images). Each file's SHA-256 is part of the
 * spec, so other files are another run and run.json records which were read.
 */
public record ArraysSpec(Source train, Source labels, Source test, Source testLabels, String labelColumn, int[] classes,
                         int trainPerClass, int testPerClass, double scale, int inputs) implements DataSpec {
    /** A file read (with ":member" for an .npz array) and its SHA-256 when the script was read; labels of a CSV are its own file. */
    public record Source(String ref, String sha256) {}

    public ArraysSpec {
        classes = classes.clone();
        if (trainPerClass < 0) throw new IllegalArgumentException("trainPerClass must be >= 0 (0 = all), got " + trainPerClass);
        if (testPerClass < 0) throw new IllegalArgumentException("testPerClass must be >= 0 (0 = all), got " + testPerClass);
        if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("scale must be a positive number, got " + scale);
    }

    /**
     * Reads the files once to check them and learn the input dimension and the classes (all labels
     * found in training when {@code classes} is null); {@link #load} reads them again. A CSV file
     * brings its own labels, so {@code labels} (or {@code testLabels}) must then be null.
     */
    public static ArraysSpec of(Path train, Path labels, Path test, Path testLabels, String labelColumn, int[] classes,
                                int trainPerClass, int testPerClass, double scale) {
        Loaded files = read(source(train), labelSource(train, labels, "labels"), source(test), labelSource(test, testLabels, "testLabels"), labelColumn);
        int[] present = IntStream.of(files.trainY).distinct().sorted().toArray();
        if (classes == null) classes = present;
        int k = present[present.length - 1] + 1;
        ClassSubset.check(classes, k, "training label");
        for (int c : classes)
            if (Arrays.binarySearch(present, c) < 0)
                throw new IllegalArgumentException("classes: " + c + " has no samples in " + files.labels.ref());
        return new ArraysSpec(files.train, files.labels, files.test, files.testLabels, labelColumn, classes, trainPerClass, testPerClass,
                scale, files.dim);
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    @Override
    public int classCount() {
        return classes.length;
    }

    @Override
    public String describe() {
        String cls = Arrays.stream(classes).mapToObj(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
        return "arrays " + name(train) + " / " + name(test) + ", " + inputs + " features, classes " + cls + ": "
                + ClassSubset.counts(trainPerClass, testPerClass) + (scale == 1 ? "" : ", scale " + scale);
    }

    @Override
    public Split load(DataStore store, long seed) {
        for (Source s : List.of(train, labels, test, testLabels)) unchanged(s);
        Loaded a = read(train, labels, test, testLabels, labelColumn);
        Rng rng = Rng.stream(seed, "data");
        int[] trainIdx = ClassSubset.pick(i -> a.trainY[i], a.trainY.length, classes, trainPerClass, "trainPerClass", c -> "class " + c, rng);
        int[] testIdx = ClassSubset.pick(i -> a.testY[i], a.testY.length, classes, testPerClass, "testPerClass", c -> "class " + c, rng);
        List<String> names = Arrays.stream(classes).mapToObj(String::valueOf).toList();
        List<Split.SourceFile> provenance = new ArrayList<>();
        for (Source s : new Source[] {train, labels, test, testLabels})
            if (provenance.stream().noneMatch(f -> f.path().equals(file(s).toString())))
                provenance.add(new Split.SourceFile(name(s), file(s).toString(), size(file(s)), s.sha256()));
        return new Split(new Dataset("train", rows(a.trainX, trainIdx), ClassSubset.relabel(i -> a.trainY[i], trainIdx, classes), inputs, names),
                new Dataset("test", rows(a.testX, testIdx), ClassSubset.relabel(i -> a.testY[i], testIdx, classes), inputs, names),
                provenance);
    }

    private float[] rows(ArrayFiles.Features x, int[] idx) {
        float[] out = new float[idx.length * x.dim()];
        for (int i = 0; i < idx.length; i++)
            for (int j = 0; j < x.dim(); j++) out[i * x.dim() + j] = (float) (x.values()[idx[i] * x.dim() + j] * scale);
        return out;
    }

    /** The four arrays, checked against each other. */
    private record Loaded(Source train, Source labels, Source test, Source testLabels, ArrayFiles.Features trainX, int[] trainY,
                          ArrayFiles.Features testX, int[] testY, int dim) {}

    private static Loaded read(Source train, Source labels, Source test, Source testLabels, String labelColumn) {
        ArrayFiles.Table trainTable = ArrayFiles.table(ref(train), ref(labels), labelColumn);
        ArrayFiles.Table testTable = train.equals(test) && labels.equals(testLabels) ? trainTable : ArrayFiles.table(ref(test), ref(testLabels), labelColumn);
        ArrayFiles.Features trainX = trainTable.x(), testX = testTable.x();
        int[] trainY = trainTable.y(), testY = testTable.y();
        sameCount(train, trainX, labels, trainY);
        sameCount(test, testX, testLabels, testY);
        if (trainX.dim() != testX.dim())
            throw new DataException(test.ref() + " has " + testX.dim() + " features per sample, " + train.ref() + " has " + trainX.dim());
        if (trainY.length == 0) throw new DataException(train.ref() + " holds no samples");
        nonNegative(labels, trainY);
        nonNegative(testLabels, testY);
        int max = IntStream.of(trainY).max().orElseThrow();
        for (int i = 0; i < testY.length; i++)
            if (testY[i] > max)
                throw new DataException(testLabels.ref() + ": label " + testY[i] + " at index " + i + " is out of range: the training labels go up to " + max);
        return new Loaded(train, labels, test, testLabels, trainX, trainY, testX, testY, trainX.dim());
    }

    private static void sameCount(Source x, ArrayFiles.Features features, Source y, int[] labels) {
        if (features.rows() != labels.length)
            throw new DataException(x.ref() + " has " + features.rows() + " samples but " + y.ref() + " has " + labels.length + " labels");
    }

    private static void nonNegative(Source s, int[] y) {
        for (int i = 0; i < y.length; i++)
            if (y[i] < 0) throw new DataException(s.ref() + ": label " + y[i] + " at index " + i + " is out of range: labels are 0, 1, 2, …");
    }

    private static Source source(Path p) {
        ArrayFiles.Ref r = ArrayFiles.Ref.parse(p.toAbsolutePath().normalize());
        if (!Files.isRegularFile(r.file())) throw new DataException(r.file() + ": no such file");
        return new Source(r.toString(), sha256(r.file()));
    }

    /** A CSV's labels are its own label column; any other features file needs its labels named. */
    private static Source labelSource(Path features, Path labels, String key) {
        boolean csv = ArrayFiles.Ref.parse(features).csv();
        if (csv && labels != null) throw new DataException(features + " is a CSV table whose label column holds the labels: leave " + key + " out");
        if (!csv && labels == null) throw new DataException(key + " is not set: name the file holding the labels of " + features.getFileName());
        return source(csv ? features : labels);
    }

    private void unchanged(Source s) {
        String now = sha256(file(s));
        if (!now.equals(s.sha256())) throw new DataException(s.ref() + " changed since the script was read (SHA-256 " + now + ", was " + s.sha256() + ")");
    }

    private static ArrayFiles.Ref ref(Source s) {
        return ArrayFiles.Ref.parse(Path.of(s.ref()));
    }

    private static Path file(Source s) {
        return ref(s).file();
    }

    private static String name(Source s) {
        String ref = s.ref();
        return ref.substring(ref.lastIndexOf(java.io.File.separatorChar) + 1);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new DataException("cannot read " + p + ": " + e.getMessage());
        }
    }

    private static String sha256(Path p) {
        try {
            return DataStore.sha256(p);
        } catch (IOException e) {
            throw new DataException("cannot read " + p + ": " + e.getMessage());
        }
    }
}
