package netlens.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for IDX files (LeCun's MNIST format), gzip-compressed or not: a big-endian header
 * 0x00 0x00 type ndims, then ndims int32 sizes, then the values. Only unsigned bytes (type 0x08)
 * are accepted. Claimed sizes are checked against what the file could hold before anything is
 * allocated, so a corrupt header cannot exhaust memory.
 */
public final class Idx {
    /** DEFLATE cannot expand data by more than about 1032:1. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private Idx() {}

    /** An IDX array: its dimensions and its unsigned byte values in row-major order (read-only). */
    public record Array(int[] dims, ByteBuffer values) {
        /** Value i as an unsigned byte. */
        public int value(int i) {
            return values.get(i) & 0xff;
        }

        /** Values [from, from + length) into dst. */
        public void values(int from, byte[] dst, int length) {
            values.get(from, dst, 0, length);
        }

        public int count() {
            return dims[0];
        }

        /** Product of all dimensions but the first: values per item. */
        public int itemSize() {
            int s = 1;
            for (int i = 1; i < dims.length; i++) s *= dims[i];
            return s;
        }

        @Override
        public String toString() {
            return "IDX " + Arrays.toString(dims);
        }
    }

    /** Reads a file; an uncompressed one is memory-mapped, so only the pages used are ever read. */
    public static Array read(Path file) {
        long fileBytes;
        try {
            fileBytes = Files.size(file);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (!gzip) return map(file, new DataInputStream(raw), fileBytes);
            InputStream in = new GZIPInputStream(raw, 1 << 16);
            return read(new DataInputStream(in), fileBytes * MAX_DEFLATE_RATIO, file.toString());
        } catch (ZipException e) {
            throw new DataException(file + " is not a valid gzip file (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new DataException(file + " is truncated: it ends before the sizes in its header say it should", e);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes an array as an uncompressed IDX file of unsigned bytes. */
    public static void write(Array array, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(0x0800 | array.dims().length);
            for (int d : array.dims()) out.writeInt(d);
            byte[] chunk = new byte[1 << 16];
            long total = array.values().capacity();
            for (int at = 0; at < total; at += chunk.length) {
                int n = (int) Math.min(chunk.length, total - at);
                array.values(at, chunk, n);
                out.write(chunk, 0, n);
            }
        }
    }

    private static Array map(Path file, DataInputStream in, long fileBytes) throws IOException {
        int[] dims = header(in, fileBytes, file.toString());
        long total = 1;
        for (int d : dims) total *= d;
        long headerBytes = 4 + 4L * dims.length;
        if (headerBytes + total < fileBytes)
            throw new DataException(file + " has bytes after the " + total + " values its IDX header announces");
        if (headerBytes + total > fileBytes)
            throw new DataException(file + " is truncated: it ends before the sizes in its header say it should");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Array(dims, channel.map(FileChannel.MapMode.READ_ONLY, headerBytes, total).asReadOnlyBuffer());
        }
    }

    static Array read(DataInputStream in, long maxPayload, String what) throws IOException {
        int[] dims = header(in, maxPayload, what);
        long total = 1;
        for (int d : dims) total *= d;
        byte[] values = new byte[(int) total];
        in.readFully(values);
        if (in.read() != -1) throw new DataException(what + " has bytes after the " + total + " values its IDX header announces");
        return new Array(dims, ByteBuffer.wrap(values).asReadOnlyBuffer());
    }

    /** The dimensions in an IDX header, refused when the values could not fit in maxPayload bytes. */
    private static int[] header(DataInputStream in, long maxPayload, String what) throws IOException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xff;
        int ndims = magic & 0xff;
        if ((magic >>> 16) != 0 || ndims < 1 || ndims > 4)
            throw new DataException(what + " is not an IDX file (magic 0x" + Integer.toHexString(magic) + ")");
        if (type != 0x08)
            throw new DataException(what + ": IDX value type 0x" + Integer.toHexString(type) + " is not supported (only unsigned bytes, 0x08)");
        int[] dims = new int[ndims];
        long total = 1;
        for (int i = 0; i < ndims; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) throw new DataException(what + ": negative dimension " + Integer.toUnsignedString(dims[i]) + " in IDX header");
            total *= dims[i];
            if (total > MAX_VALUES) throw new DataException(what + ": IDX header claims " + Arrays.toString(dims) + " values, more than netlens can hold");
        }
        if (total > maxPayload)
            throw new DataException(what + ": IDX header claims " + total + " values but the file can hold at most " + maxPayload);
        return dims;
    }
}
