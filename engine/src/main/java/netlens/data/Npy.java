package netlens.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A NumPy array read from a .npy file (format 1.0–3.0) or one member of a .npz archive: its dtype,
 * shape and raw C-order bytes, converted on request to float32 features or integer labels. Also
 * writes .npy files (format 1.0, little-endian, C order) of float32 and int32 arrays.
 */
public record Npy(String source, char kind, int itemSize, ByteOrder order, int[] shape, ByteBuffer data) {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public static Npy read(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Every array of an .npz archive (np.savez, compressed or not), by name without ".npy". */
    public static Map<String, Npy> readArchive(Path file) {
        Map<String, Npy> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (!e.getName().endsWith(".npy")) continue;
                String name = e.getName().substring(0, e.getName().length() - 4);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                out.put(name, parse(file + ":" + name, bytes.toByteArray()));
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + file + " as an .npz archive: " + e.getMessage());
        }
        if (out.isEmpty()) throw new DataException(file + " holds no .npy arrays");
        return out;
    }

    static Npy parse(String source, byte[] bytes) {
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY"))
            throw new DataException(source + " is not a .npy file (no \\x93NUMPY magic)");
        int major = bytes[6];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = major == 1 ? b.getShort(8) & 0xffff : b.getInt(8);
        int start = (major == 1 ? 10 : 12) + headerLength;
        if (start > bytes.length) throw new DataException(source + ": truncated .npy header");
        String header = new String(bytes, major == 1 ? 10 : 12, headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header), f = FORTRAN.matcher(header), s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new DataException(source + ": unreadable .npy header " + header.trim());
        if (f.group(1).equals("True")) throw new DataException(source + " is in Fortran order; save it with np.ascontiguousarray(x)");
        int[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(t -> !t.isEmpty()).mapToInt(Integer::parseInt).toArray();
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long count = Arrays.stream(shape).asLongStream().reduce(1, (x, y) -> x * y);
        if (bytes.length - start != count * size)
            throw new DataException(source + ": shape " + Arrays.toString(shape) + " of " + d.group(2) + d.group(3) + " needs " + count * size
                    + " bytes, the file holds " + (bytes.length - start));
        return new Npy(source, kind, size, order, shape, ByteBuffer.wrap(bytes, start, bytes.length - start).slice().order(order));
    }

    public static void writeFloats(Path file, int[] shape, float[] values) throws IOException {
        if (Arrays.stream(shape).asLongStream().reduce(1, (x, y) -> x * y) != values.length)
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not match " + values.length + " values");
        ByteBuffer body = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        body.asFloatBuffer().put(values);
        write(file, "<f4", shape, body.array());
    }

    public static void writeInts(Path file, int[] values) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        body.asIntBuffer().put(values);
        write(file, "<i4", new int[] {values.length}, body.array());
    }

    private static void write(Path file, String descr, int[] shape, byte[] body) throws IOException {
        String dims = shape.length == 1 ? "(" + shape[0] + ",)"
                : Arrays.stream(shape).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int pad = (64 - (10 + header.length() + 1) % 64) % 64;       // magic, version, length and header: a multiple of 64, ending in '\n'
        byte[] text = (header + " ".repeat(pad) + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(10 + text.length + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) text.length);
        Files.write(file, out.put(text).put(body).array());
    }

    public String dtype() {
        return "" + kind + itemSize;
    }

    public long count() {
        return Arrays.stream(shape).asLongStream().reduce(1, (x, y) -> x * y);
    }

    /** The values as float32: float32/float64 and uint8 arrays (images), refusing NaN and infinities. */
    public float[] floats() {
        float[] out = new float[Math.toIntExact(count())];
        for (int i = 0; i < out.length; i++) {
            double v = switch (dtype()) {
                case "f4" -> data.getFloat(4 * i);
                case "f8" -> data.getDouble(8 * i);
                case "u1" -> data.get(i) & 0xff;
                default -> throw new DataException(source + " has dtype " + dtype() + "; features are read from float32, float64 or uint8 arrays");
            };
            if (!Double.isFinite(v)) throw new DataException(source + " has a non-finite value (" + v + ") at index " + index(i));
            if (Float.isInfinite((float) v)) throw new DataException(source + " has a value beyond float32 range (" + v + ") at index " + index(i));
            out[i] = (float) v;
        }
        return out;
    }

    /** The values as integers (class labels): any integer dtype, or floats that hold whole numbers. */
    public int[] ints() {
        int[] out = new int[Math.toIntExact(count())];
        for (int i = 0; i < out.length; i++) {
            double v = switch (kind) {
                case 'i' -> switch (itemSize) {
                    case 1 -> data.get(i);
                    case 2 -> data.getShort(2 * i);
                    case 4 -> data.getInt(4 * i);
                    default -> data.getLong(8 * i);
                };
                case 'u' -> switch (itemSize) {
                    case 1 -> data.get(i) & 0xff;
                    case 2 -> data.getShort(2 * i) & 0xffff;
                    case 4 -> data.getInt(4 * i) & 0xffffffffL;
                    default -> data.getLong(8 * i);
                };
                case 'f' -> itemSize == 4 ? data.getFloat(4 * i) : data.getDouble(8 * i);
                default -> throw new DataException(source + " has dtype " + dtype() + "; labels are read from integer arrays");
            };
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE)
                throw new DataException(source + ": label " + v + " at index " + index(i) + " is not a whole number");
            out[i] = (int) v;
        }
        return out;
    }

    private String index(int flat) {
        if (shape.length < 2) return String.valueOf(flat);
        return "[" + flat / (count() / shape[0]) + ", …]";
    }
}
