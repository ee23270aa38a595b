package netlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataStoreTest {
    @TempDir
    Path dir;

    @Test
    void offlineFilesAreVerifiedAgainstThePublishedSha256() {
        Split.SourceFile f = TestData.store().fetch(ImageCollection.MNIST, ImageCollection.MNIST.testLabels);
        assertEquals("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", f.sha256());
        assertEquals(4542, f.bytes());
    }

    @Test
    void aCorruptCopyIsRejectedWithItsChecksum() throws IOException {
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        byte[] bytes = Files.readAllBytes(TestData.folder().resolve("mnist/t10k-labels-idx1-ubyte.gz"));
        bytes[100] ^= 1;
        Files.write(mnist.resolve("t10k-labels-idx1-ubyte.gz"), bytes);
        DataStore store = new DataStore(dir, dir.resolve("cache"), s -> {});
        DataException e = assertThrows(DataException.class, () -> store.fetch(ImageCollection.MNIST, ImageCollection.MNIST.testLabels));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void aTruncatedCopyIsRejectedBySize() throws IOException {
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        byte[] bytes = Files.readAllBytes(TestData.folder().resolve("mnist/t10k-labels-idx1-ubyte.gz"));
        Files.write(mnist.resolve("t10k-labels-idx1-ubyte.gz"), java.util.Arrays.copyOf(bytes, 1000));
        DataStore store = new DataStore(dir, dir.resolve("cache"), s -> {});
        DataException e = assertThrows(DataException.class, () -> store.fetch(ImageCollection.MNIST, ImageCollection.MNIST.testLabels));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aMissingFileNamesWhereItWasLookedFor() {
        DataStore store = new DataStore(dir, dir.resolve("cache"), s -> {});
        DataException e = assertThrows(DataException.class, () -> store.fetch(ImageCollection.FASHION_MNIST, ImageCollection.FASHION_MNIST.trainImages));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz") && e.getMessage().contains(dir.toString()), e.getMessage());
    }
}
