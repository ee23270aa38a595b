package netlens.data;

import java.util.List;

/** Training and test sets of one experiment, plus the provenance of the files they came from. */
public record Split(Dataset train, Dataset test, List<SourceFile> files) {
    public Split {
        if (train.dim() != test.dim()) throw new IllegalArgumentException("train and test dimensions differ");
        if (!train.classNames().equals(test.classNames())) throw new IllegalArgumentException("train and test classes differ");
        files = List.copyOf(files);
    }

    /** A file a dataset was read from, with its SHA-256 as verified or computed. */
    public record SourceFile(String name, String path, long bytes, String sha256) {}
}
