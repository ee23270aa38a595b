package netlens.data;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of valid IDX files, plain and gzipped: every read either succeeds or throws
 * DataException with a message; no other exception, no huge allocation, no hang.
 */
class IdxFuzzTest {
    @TempDir
    Path dir;

    private static byte[] validIdx(Random r) {
        int n = 1 + r.nextInt(20), rows = 1 + r.nextInt(6), cols = 1 + r.nextInt(6);
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(0x0803).putInt(n).putInt(rows).putInt(cols);
        while (b.hasRemaining()) b.put((byte) r.nextInt(256));
        return b.array();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        switch (r.nextInt(5)) {
            case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));                       // flip a bit
            case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length));                          // truncate
            case 2 -> {                                                                              // a wild header field
                int at = 4 * r.nextInt(Math.min(4, b.length / 4));
                ByteBuffer.wrap(b).putInt(at, r.nextBoolean() ? r.nextInt() : Integer.MAX_VALUE - r.nextInt(3));
            }
            case 3 -> {                                                                              // append junk
                byte[] c = java.util.Arrays.copyOf(b, b.length + 1 + r.nextInt(40));
                for (int i = b.length; i < c.length; i++) c[i] = (byte) r.nextInt(256);
                b = c;
            }
            default -> { for (int k = 0; k < 1 + r.nextInt(8); k++) b[r.nextInt(b.length)] = (byte) r.nextInt(256); }
        }
        return b;
    }

    @Test
    void mutatedFilesFailCleanly() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random r = new Random(20261123);
            for (int i = 0; i < 1500; i++) {
                byte[] valid = validIdx(r);
                boolean zipped = r.nextBoolean();
                // Mutate the compressed bytes half the time, the IDX inside the other half.
                byte[] file = zipped ? (r.nextBoolean() ? mutate(gzip(valid), r) : gzip(mutate(valid, r))) : mutate(valid, r);
                Path p = dir.resolve("f" + i + (zipped ? ".gz" : ""));
                Files.write(p, file);
                try {
                    Idx.read(p);
                } catch (DataException e) {
                    if (e.getMessage() == null || e.getMessage().isBlank()) throw new AssertionError("empty message for case " + i);
                }
            }
        });
    }
}
