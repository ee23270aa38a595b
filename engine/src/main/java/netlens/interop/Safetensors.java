package netlens.interop;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header
 * mapping each tensor's name to its dtype, shape and [begin, end) byte range in the data that
 * follows, and an optional "__metadata__" object of strings. Read directly, no Python involved.
 * A PyTorch {@code nn.Sequential} of Linear layers saves as "0.weight", "0.bias", "2.weight", …
 * (the activations between them hold no tensors), which is how networks map to files here.
 */
public final class Safetensors {
    /** The metadata key under which netlens records the hidden layers' activation. */
    public static final String ACTIVATION = "netlens.activation";
    private static final long MAX_HEADER = 100L << 20;   // the format's own limit

    private Safetensors() {}

    /** One tensor, widened or narrowed to float32 (netlens's precision). */
    public record Tensor(String name, long[] shape, float[] values) {}

    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    public static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NetworkFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length < 8) throw new NetworkFileException(file + " is not a safetensors file: " + bytes.length + " bytes, shorter than its header length");
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 2 || n > MAX_HEADER || 8 + n > bytes.length)
            throw new NetworkFileException(file + " is not a safetensors file: header length " + n + " in a file of " + bytes.length + " bytes");
        JsonObject header;
        try {
            header = JsonParser.parseString(new String(bytes, 8, (int) n, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new NetworkFileException(file + " is not a safetensors file: its header is not a JSON object (" + e.getMessage() + ")", e);
        }
        long start = 8 + n;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                for (Map.Entry<String, JsonElement> m : e.getValue().getAsJsonObject().entrySet()) metadata.put(m.getKey(), m.getValue().getAsString());
                continue;
            }
            tensors.put(e.getKey(), tensor(file, e.getKey(), e.getValue().getAsJsonObject(), bytes, start));
        }
        return new Contents(tensors, metadata);
    }

    private static Tensor tensor(Path file, String name, JsonObject entry, byte[] bytes, long start) {
        String dtype = entry.get("dtype").getAsString();
        JsonArray dims = entry.getAsJsonArray("shape"), range = entry.getAsJsonArray("data_offsets");
        long[] shape = new long[dims.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) count *= shape[i] = dims.get(i).getAsLong();
        int size = switch (dtype) {
            case "F64" -> 8;
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            default -> throw new NetworkFileException(file + ": tensor " + name + " has dtype " + dtype + "; netlens reads F32, F64, F16 or BF16 weights");
        };
        long begin = range.get(0).getAsLong(), end = range.get(1).getAsLong();
        if (end - begin != count * size || begin < 0 || start + end > bytes.length)
            throw new NetworkFileException(file + ": tensor " + name + " of shape " + Arrays.toString(shape) + " and dtype " + dtype + " needs "
                    + count * size + " bytes, its data_offsets [" + begin + ", " + end + ") give " + (end - begin) + " within " + (bytes.length - start));
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) (start + begin), (int) (end - begin)).slice().order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++)
            values[i] = switch (dtype) {
                case "F64" -> (float) data.getDouble(8 * i);
                case "F32" -> data.getFloat(4 * i);
                case "F16" -> HalfFloats.half(data.getShort(2 * i));
                default -> Float.intBitsToFloat((data.getShort(2 * i) & 0xffff) << 16);   // bfloat16: the top half of a float32
            };
        return new Tensor(name, shape, values);
    }

    /** Writes float32 tensors in the order given, the header padded with spaces to a multiple of 8 bytes as the reference writer does. */
    public static void write(Path file, List<Tensor> tensors, Map<String, String> metadata) throws IOException {
        JsonObject header = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject m = new JsonObject();
            metadata.forEach(m::addProperty);
            header.add("__metadata__", m);
        }
        long offset = 0;
        for (Tensor t : tensors) {
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (long d : t.shape()) shape.add(d);
            entry.add("shape", shape);
            JsonArray range = new JsonArray();
            range.add(offset);
            range.add(offset += 4L * t.values().length);
            entry.add("data_offsets", range);
            header.add(t.name(), entry);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(8 + padded + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) out.put((byte) ' ');
        for (Tensor t : tensors) for (float v : t.values()) out.putFloat(v);
        Files.write(file, out.array());
    }

    /** The Linear layers of a state_dict, in module order ("0" < "2" < "10"; "fc1" < "fc2"). */
    public static DenseStack readNetwork(Path file) {
        Contents c = read(file);
        Map<String, Map<String, Tensor>> modules = new LinkedHashMap<>();
        for (Tensor t : c.tensors().values()) {
            int dot = t.name().lastIndexOf('.');
            String module = dot < 0 ? "" : t.name().substring(0, dot), param = t.name().substring(dot + 1);
            if (!param.equals("weight") && !param.equals("bias"))
                throw new NetworkFileException(file + ": tensor " + t.name() + " is not a Linear layer's weight or bias; netlens reads nn.Sequential stacks of Linear layers");
            modules.computeIfAbsent(module, k -> new LinkedHashMap<>()).put(param, t);
        }
        List<String> order = new ArrayList<>(modules.keySet());
        order.sort(Safetensors::moduleOrder);
        String activation = c.metadata().get(ACTIVATION);
        List<DenseStack.Dense> layers = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String module = order.get(i);
            Tensor w = modules.get(module).get("weight"), b = modules.get(module).get("bias");
            if (w == null) throw new NetworkFileException(file + ": " + module + ".bias has no " + module + ".weight beside it");
            if (w.shape().length != 2)
                throw new NetworkFileException(file + ": tensor " + w.name() + " has shape " + Arrays.toString(w.shape())
                        + ", expected [out, in] of a Linear layer");
            if (b != null && (b.shape().length != 1 || b.shape()[0] != w.shape()[0]))
                throw new NetworkFileException(file + ": tensor " + b.name() + " has shape " + Arrays.toString(b.shape()) + ", expected [" + w.shape()[0] + "]");
            boolean last = i == order.size() - 1;
            layers.add(new DenseStack.Dense(module, (int) w.shape()[1], (int) w.shape()[0], w.values(), b == null ? null : b.values(),
                    last ? "linear" : activation));
        }
        return new DenseStack(layers, c.metadata());
    }

    /** A netlens network as PyTorch's {@code nn.Sequential(Linear, σ, Linear, σ, …, Linear)} saves it. */
    public static void writeNetwork(Path file, DenseStack stack) throws IOException {
        List<Tensor> tensors = new ArrayList<>();
        for (DenseStack.Dense d : stack.layers()) {
            tensors.add(new Tensor(d.name() + ".weight", new long[] {d.out(), d.in()}, d.weight()));
            if (d.bias() != null) tensors.add(new Tensor(d.name() + ".bias", new long[] {d.out()}, d.bias()));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put(ACTIVATION, stack.layers().get(0).activation());
        write(file, tensors, metadata);
    }

    private static int moduleOrder(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = naturalOrder(x[i], y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    /** "fc2" before "fc10": digits compared as numbers. */
    private static int naturalOrder(String a, String b) {
        String[] x = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)"), y = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean digits = x[i].matches("\\d+") && y[i].matches("\\d+");
            int c = digits ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }
}
