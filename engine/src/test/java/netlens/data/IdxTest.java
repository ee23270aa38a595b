package netlens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    private static byte[] idx(int type, int[] dims, byte[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt((type << 8) | dims.length);
        for (int d : dims) out.writeInt(d);
        out.write(values);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(content);
        }
        return p;
    }

    @Test
    void mnistTrainingLabelsHaveThePublishedClassCounts() {
        Idx.Array labels = Idx.read(TestData.folder().resolve("mnist/train-labels-idx1-ubyte.gz"));
        int[] counts = new int[10];
        for (int i = 0; i < labels.count(); i++) counts[labels.value(i)]++;
        // The published counts (Y. LeCun, C. Cortes & C. Burges, the MNIST database).
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, counts);
    }

    @Test
    void mnistTestImagesAre10000Of28By28() {
        Idx.Array images = Idx.read(TestData.folder().resolve("mnist/t10k-images-idx3-ubyte.gz"));
        assertArrayEquals(new int[] {10000, 28, 28}, images.dims());
        assertEquals(784, images.itemSize());
    }

    @Test
    void plainAndGzippedFilesReadTheSame() throws IOException {
        byte[] content = idx(0x08, new int[] {2, 3}, new byte[] {1, 2, 3, (byte) 250, 5, 6});
        Idx.Array plain = Idx.read(write("a.idx", content, false));
        Idx.Array gz = Idx.read(write("a.idx.gz", content, true));
        assertEquals(plain.values(), gz.values());
        assertArrayEquals(new int[] {2, 3}, gz.dims());
        assertEquals(250, gz.value(3));
    }

    @Test
    void aHeaderClaimingBillionsOfValuesIsRefusedBeforeAllocating() throws IOException {
        Path p = write("huge.idx.gz", idx(0x08, new int[] {60000, 28000, 28000}, new byte[16]), true);
        DataException e = assertThrows(DataException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("more than netlens can hold") || e.getMessage().contains("can hold at most"), e.getMessage());
    }

    @Test
    void aHeaderClaimingMoreThanTheFileCanHoldIsRefused() throws IOException {
        Path p = write("big.idx", idx(0x08, new int[] {1000, 1000}, new byte[10]), false);
        DataException e = assertThrows(DataException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("can hold at most"), e.getMessage());
    }

    @Test
    void aTruncatedFileSaysSo() throws IOException {
        byte[] full = idx(0x08, new int[] {100}, new byte[100]);
        Path p = write("cut.idx.gz", java.util.Arrays.copyOf(full, full.length - 30), true);
        DataException e = assertThrows(DataException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void wrongMagicAndValueTypesAreNamed() throws IOException {
        Path notIdx = write("x.idx", "hello world, not an idx".getBytes(), false);
        assertTrue(assertThrows(DataException.class, () -> Idx.read(notIdx)).getMessage().contains("not an IDX file"));
        Path floats = write("f.idx", idx(0x0D, new int[] {1}, new byte[4]), false);
        assertTrue(assertThrows(DataException.class, () -> Idx.read(floats)).getMessage().contains("not supported"));
    }

    @Test
    void trailingBytesAreReported() throws IOException {
        byte[] content = idx(0x08, new int[] {2}, new byte[] {1, 2, 3});
        Path p = write("t.idx", content, false);
        assertTrue(assertThrows(DataException.class, () -> Idx.read(p)).getMessage().contains("after"));
    }
}
