package netlens.data;

import java.util.List;

/**
 * The 28×28 grey-scale image datasets netlens knows, with the size and SHA-256 of every file as
 * published (see TensorFlow Datasets' url_checksums) and HTTPS mirrors tried in order.
 */
public enum ImageCollection {
    MNIST("mnist", "MNIST",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of("https://ossci-datasets.s3.amazonaws.com/mnist/",
                    "https://storage.googleapis.com/cvdf-datasets/mnist/"),
            new RemoteFile("train-images-idx3-ubyte.gz", 9912422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
            new RemoteFile("train-labels-idx1-ubyte.gz", 28881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
            new RemoteFile("t10k-images-idx3-ubyte.gz", 1648877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
            new RemoteFile("t10k-labels-idx1-ubyte.gz", 4542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")),
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
            List.of("https://storage.googleapis.com/tensorflow/tf-keras-datasets/"),
            new RemoteFile("train-images-idx3-ubyte.gz", 26421880, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
            new RemoteFile("train-labels-idx1-ubyte.gz", 29515, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
            new RemoteFile("t10k-images-idx3-ubyte.gz", 4422102, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
            new RemoteFile("t10k-labels-idx1-ubyte.gz", 5148, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"));

    /** A published file: name, exact size in bytes, and SHA-256. */
    public record RemoteFile(String name, long bytes, String sha256) {}

    private final String folder;
    private final String title;
    private final List<String> classNames;
    private final List<String> mirrors;
    public final RemoteFile trainImages;
    public final RemoteFile trainLabels;
    public final RemoteFile testImages;
    public final RemoteFile testLabels;

    ImageCollection(String folder, String title, List<String> classNames, List<String> mirrors,
                    RemoteFile trainImages, RemoteFile trainLabels, RemoteFile testImages, RemoteFile testLabels) {
        this.folder = folder;
        this.title = title;
        this.classNames = classNames;
        this.mirrors = mirrors;
        this.trainImages = trainImages;
        this.trainLabels = trainLabels;
        this.testImages = testImages;
        this.testLabels = testLabels;
    }

    /** Sub-folder name in a data folder or the download cache, e.g. "fashion-mnist". */
    public String folder() {
        return folder;
    }

    /** The four published files. */
    public List<RemoteFile> files() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    public String title() {
        return title;
    }

    public List<String> classNames() {
        return classNames;
    }

    public List<String> mirrors() {
        return mirrors;
    }
}
