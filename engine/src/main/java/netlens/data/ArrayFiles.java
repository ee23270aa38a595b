package netlens.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user's arrays in the files researchers keep them in: a .npy file, one array of an .npz archive
 * ("data.npz:x_train", or the archive's only array), or a CSV file with a header row, whose
 * {@code labelColumn} holds the labels and every other column a feature.
 */
final class ArrayFiles {
    private ArrayFiles() {}

    /** Samples as rows: n × dim float32 values (an array of images [n, h, w] is flattened to [n, h·w]). */
    record Features(float[] values, int rows, int dim) {}

    /** A file name with an optional ":member" (an .npz array). */
    record Ref(Path file, String member) {
        static Ref parse(Path file) {
            String s = file.toString();
            int colon = s.lastIndexOf(':');
            if (colon > 0 && s.substring(0, colon).toLowerCase(Locale.ROOT).endsWith(".npz"))
                return new Ref(Path.of(s.substring(0, colon)), s.substring(colon + 1));
            return new Ref(file, null);
        }

        boolean csv() {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        }

        @Override
        public String toString() {
            return member == null ? file.toString() : file + ":" + member;
        }
    }

    /** Features with their labels, read once: from the features' own label column for a CSV table, else from the labels file. */
    record Table(Features x, int[] y) {}

    static Table table(Ref features, Ref labels, String labelColumn) {
        if (features.csv()) {
            Csv csv = Csv.read(features.file(), labelColumn);
            return new Table(new Features(csv.features(), csv.labels().length, csv.dim()), csv.labels());
        }
        Npy a = array(features);
        int[] shape = a.shape();
        if (shape.length < 2) throw new DataException(features + " has shape " + Arrays.toString(shape) + "; features need [samples, features] (or [samples, h, w])");
        Features x = new Features(a.floats(), shape[0], Math.toIntExact(a.count() / shape[0]));
        if (labels.csv()) return new Table(x, Csv.read(labels.file(), labelColumn).labels());
        Npy b = array(labels);
        int[] labelShape = b.shape();
        if (labelShape.length != 1 && !(labelShape.length == 2 && labelShape[1] == 1))
            throw new DataException(labels + " has shape " + Arrays.toString(labelShape) + "; labels need [samples]");
        return new Table(x, b.ints());
    }

    private static Npy array(Ref ref) {
        if (!Files.isRegularFile(ref.file())) throw new DataException(ref.file() + ": no such file");
        String name = ref.file().getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) return Npy.read(ref.file());
        if (!name.endsWith(".npz")) throw new DataException(ref.file() + ": netlens reads arrays from .npy, .npz and .csv files");
        Map<String, Npy> all = Npy.readArchive(ref.file());
        if (ref.member() == null) {
            if (all.size() == 1) return all.values().iterator().next();
            throw new DataException(ref.file() + " holds " + all.keySet() + ": name one, e.g. \"" + ref.file().getFileName() + ":" + all.keySet().iterator().next() + "\"");
        }
        Npy a = all.get(ref.member());
        if (a == null) throw new DataException(ref.file() + " has no array " + ref.member() + " (it holds " + all.keySet() + ")");
        return a;
    }

    /** A CSV table: a header row of column names, one sample per line, every cell a number. */
    record Csv(float[] features, int[] labels, int dim) {
        /** How numpy, pandas and R write a missing or infinite value. */
        private static final java.util.Set<String> MISSING = java.util.Set.of("", "nan", "na", "null", "inf", "+inf", "-inf", "infinity", "-infinity");

        static Csv read(Path file, String labelColumn) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            } catch (IOException e) {
                throw new DataException("cannot read " + file + ": " + e.getMessage());
            }
            if (lines.size() < 2) throw new DataException(file + " has no data rows below its header");
            String[] header = lines.get(0).split(",", -1);
            int label = Arrays.asList(header).stream().map(String::trim).toList().indexOf(labelColumn);
            if (label < 0) throw new DataException(file + " has no column \"" + labelColumn + "\" (its columns: " + String.join(", ", header) + ")");
            int n = lines.size() - 1, dim = header.length - 1;
            float[] x = new float[n * dim];
            int[] y = new int[n];
            for (int r = 0; r < n; r++) {
                String[] cells = lines.get(r + 1).split(",", -1);
                if (cells.length != header.length)
                    throw new DataException(file + ":" + (r + 2) + ": " + cells.length + " fields, the header has " + header.length);
                for (int c = 0, j = 0; c < cells.length; c++) {
                    String cell = cells[c].trim(), where = file + ":" + (r + 2) + ": column \"" + header[c].trim() + "\" holds ";
                    if (MISSING.contains(cell.toLowerCase(Locale.ROOT)))
                        throw new DataException(where + (cell.isEmpty() ? "nothing" : cell) + "; netlens needs a finite number in every cell");
                    double v;
                    try {
                        v = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new DataException(where + "\"" + cell + "\", not a number");
                    }
                    if (Float.isInfinite((float) v)) throw new DataException(where + cell + ", beyond float range");
                    if (c == label) {
                        if (v != Math.rint(v)) throw new DataException(file + ":" + (r + 2) + ": label " + cells[c].trim() + " is not a whole number");
                        y[r] = (int) v;
                    } else {
                        x[r * dim + j++] = (float) v;
                    }
                }
            }
            return new Csv(x, y, dim);
        }
    }
}
