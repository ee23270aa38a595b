package netlens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlens.interop.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's arrays: files numpy wrote read back to the formula they hold; every bad file ends in one message naming it. */
class ArraysSpecTest {
    private static final int N = 12, DIM = 6;

    @TempDir
    Path dir;

    /** The features of sample i as array_files.py writes them. */
    private static float x(int i, int j) {
        return (i * DIM + j) / 8f - 3;
    }

    private void numpyFiles() throws Exception {
        Python.require("numpy", "python3-numpy");
        assertEquals(0, Python.helper("array_files.py", dir.toString()));
    }

    private ArraysSpec spec(String train, String labels, String test, String testLabels) {
        return ArraysSpec.of(dir.resolve(train), labels == null ? null : dir.resolve(labels), dir.resolve(test),
                testLabels == null ? null : dir.resolve(testLabels), "label", null, 0, 0, 1.0);
    }

    @Test
    void everyFormatNumpyWritesReadsBackToTheSameValues() throws Exception {
        numpyFiles();
        for (ArraysSpec spec : List.of(spec("x_f4_images.npy", "y_i8.npy", "x_f8_big_endian.npy", "y_u1_column.npy"),
                spec("data.npz:x_train", "data.npz:y_train", "data.csv", null),
                spec("data.csv", null, "data.npz:x_test", "data.npz:y_test"))) {
            Split s = spec.load(null, 1);
            assertEquals(DIM, spec.inputs(), spec.describe());
            assertEquals(List.of("0", "1", "2"), s.train().classNames());
            for (Dataset d : List.of(s.train(), s.test()))
                for (int i = 0; i < d.size(); i++) {
                    assertEquals(i % 3, d.labels()[i], spec.describe());
                    for (int j = 0; j < DIM; j++) assertEquals(x(i, j), d.features()[i * DIM + j], spec.describe());
                }
        }
        ArraysSpec u1 = ArraysSpec.of(dir.resolve("x_u1.npy"), dir.resolve("y_i8.npy"), dir.resolve("only.npz"), dir.resolve("y_i8.npy"),
                "label", null, 0, 0, 1 / 255.0);
        float[] pixels = u1.load(null, 1).train().features();
        for (int k = 0; k < N * DIM; k++) assertEquals((float) (k % 256 / 255.0), pixels[k]);
    }

    @Test
    void aClassSubsetIsRelabelledInTheGivenOrderWithTheSeedPickingTheSamples() throws Exception {
        numpyFiles();
        ArraysSpec spec = ArraysSpec.of(dir.resolve("data.csv"), null, dir.resolve("data.csv"), null, "label", new int[] {2, 0}, 3, 0, 1.0);
        assertEquals(2, spec.classCount());
        Split a = spec.load(null, 5);
        assertEquals(List.of("2", "0"), a.train().classNames());
        assertArrayEquals(new int[] {3, 3}, a.train().classCounts());
        assertArrayEquals(new int[] {4, 4}, a.test().classCounts());
        for (int r = 0; r < a.train().size(); r++) {
            int i = Math.round((a.train().features()[r * DIM] + 3) * 8) / DIM;      // which sample this row is
            assertEquals(i % 3 == 2 ? 0 : 1, a.train().labels()[r]);
        }
        assertArrayEquals(a.train().features(), spec.load(null, 5).train().features());
        boolean differs = false;
        for (long seed = 6; seed < 12 && !differs; seed++)
            differs = !java.util.Arrays.equals(a.train().features(), spec.load(null, seed).train().features());
        assertTrue(differs, "the seed picks the subset");
        assertEquals(1, a.files().size(), "one CSV file for both splits");
        assertEquals(DataStore.sha256(dir.resolve("data.csv")), a.files().get(0).sha256());
    }

    @Test
    void aFileChangedAfterTheScriptWasReadIsRefused() throws Exception {
        Path x = dir.resolve("x.npy"), y = dir.resolve("y.npy");
        Npy.writeFloats(x, new int[] {4, 2}, new float[8]);
        Npy.writeInts(y, new int[] {0, 1, 0, 1});
        ArraysSpec spec = ArraysSpec.of(x, y, x, y, "label", null, 0, 0, 1.0);
        Npy.writeInts(y, new int[] {1, 1, 0, 1});
        assertTrue(assertThrows(DataException.class, () -> spec.load(null, 1)).getMessage().contains("y.npy changed since the script was read"));
    }

    @Test
    void badFilesEndInOneMessageNamingTheFileAndTheCause() throws Exception {
        Path x = dir.resolve("x.npy"), y = dir.resolve("y.npy");
        Npy.writeFloats(x, new int[] {4, 2}, new float[8]);
        Npy.writeInts(y, new int[] {0, 1, 0, 1});
        assertError("y3.npy has 3 labels", () -> ArraysSpec.of(x, write("y3.npy", new int[] {0, 1, 1}), x, y, "label", null, 0, 0, 1.0),
                "x.npy has 4 samples but ");
        assertError("negative label", () -> ArraysSpec.of(x, write("yn.npy", new int[] {0, -1, 1, 0}), x, y, "label", null, 0, 0, 1.0),
                "yn.npy: label -1 at index 1 is out of range");
        assertError("test label beyond training", () -> ArraysSpec.of(x, y, x, write("yt.npy", new int[] {0, 1, 5, 0}), "label", null, 0, 0, 1.0),
                "yt.npy: label 5 at index 2 is out of range: the training labels go up to 1");
        Path nan = dir.resolve("nan.npy");
        Npy.writeFloats(nan, new int[] {4, 2}, new float[] {0, 1, 2, Float.NaN, 4, 5, 6, 7});
        assertError("NaN feature", () -> ArraysSpec.of(nan, y, x, y, "label", null, 0, 0, 1.0), "nan.npy has a non-finite value (NaN) at index [1, …]");
        Path complex = dir.resolve("c.npy");
        Files.write(complex, npy("<c8", "(4, 2)", 64));
        assertError("complex dtype", () -> ArraysSpec.of(complex, y, x, y, "label", null, 0, 0, 1.0),
                "c.npy has dtype c8; features are read from float32, float64 or uint8 arrays");
        Files.write(dir.resolve("short.npy"), npy("<f4", "(4, 2)", 30));
        assertError("truncated data", () -> ArraysSpec.of(dir.resolve("short.npy"), y, x, y, "label", null, 0, 0, 1.0),
                "needs 32 bytes, the file holds 30");
        assertError("missing labels", () -> ArraysSpec.of(x, null, x, y, "label", null, 0, 0, 1.0), "labels is not set");
        assertError("missing file", () -> ArraysSpec.of(dir.resolve("nope.npy"), y, x, y, "label", null, 0, 0, 1.0), "nope.npy: no such file");
        assertError("unknown class", () -> ArraysSpec.of(x, y, x, y, "label", new int[] {0, 4}, 0, 0, 1.0), "classes: 4 is not a training label class");
        Path npz = dir.resolve("two.npz");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(npz))) {
            for (String name : List.of("a", "b")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name + ".npy"));
                zip.write(Files.readAllBytes(x));
            }
        }
        assertError("npz without a member", () -> ArraysSpec.of(npz, y, x, y, "label", null, 0, 0, 1.0), "two.npz holds [a, b]: name one, e.g. \"two.npz:a\"");
        assertError("npz wrong member", () -> ArraysSpec.of(Path.of(npz + ":c"), y, x, y, "label", null, 0, 0, 1.0), "two.npz has no array c (it holds [a, b])");
    }

    @Test
    void badCsvTablesNameTheLineAndColumn() throws Exception {
        Path y = write("y.npy", new int[] {0, 1});
        assertError("ragged", () -> csv("a,b,label\n1,2,0\n3,1\n"), "t.csv:3: 2 fields, the header has 3");
        assertError("NaN", () -> csv("a,b,label\n1,2,0\n3,nan,1\n"), "t.csv:3: column \"b\" holds nan; netlens needs a finite number");
        assertError("overflow", () -> csv("a,b,label\n1,2,0\n1e39,3,1\n"), "t.csv:3: column \"a\" holds 1e39, beyond float range");
        assertError("empty cell", () -> csv("a,b,label\n1,2,0\n,3,1\n"), "t.csv:3: column \"a\" holds nothing");
        assertError("text", () -> csv("a,b,label\n1,x2,0\n3,4,1\n"), "t.csv:2: column \"b\" holds \"x2\", not a number");
        assertError("no label column", () -> csv("a,b,class\n1,2,0\n3,4,1\n"), "has no column \"label\" (its columns: a, b, class)");
        assertError("fractional label", () -> csv("a,b,label\n1,2,0.5\n3,4,1\n"), "t.csv:2: label 0.5 is not a whole number");
        assertError("labels beside a CSV", () -> {
            csv("a,b,label\n1,2,0\n3,4,1\n");
            return ArraysSpec.of(dir.resolve("t.csv"), y, dir.resolve("t.csv"), null, "label", null, 0, 0, 1.0);
        }, "whose label column holds the labels: leave labels out");
    }

    private ArraysSpec csv(String text) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, text);
        return ArraysSpec.of(f, null, f, null, "label", null, 0, 0, 1.0);
    }

    private Path write(String name, int[] labels) throws Exception {
        Path f = dir.resolve(name);
        Npy.writeInts(f, labels);
        return f;
    }

    /** A .npy file with any dtype and a body of the given length, to try what numpy can write but netlens refuses. */
    private static byte[] npy(String descr, String shape, int bodyBytes) {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + bodyBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) header.length());
        return b.put(header.getBytes(StandardCharsets.US_ASCII)).array();
    }

    private interface Reading {
        ArraysSpec read() throws Exception;
    }

    private static void assertError(String what, Reading r, String expected) {
        RuntimeException e = assertThrows(RuntimeException.class, r::read, what);
        assertTrue(e instanceof DataException || e instanceof IllegalArgumentException, what + ": " + e);
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), what + ": one line");
    }
}
