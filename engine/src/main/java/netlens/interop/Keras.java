package netlens.interop;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keras {@code Sequential} models of {@code Dense} layers, read with jHDF (a pure-Java HDF5 reader):
 * <ul>
 * <li>.h5 from {@code model.save("m.h5")} (Keras 2): the architecture as JSON in the root attribute
 *     "model_config", weights in group "model_weights", one group per layer listed in its
 *     "layer_names" attribute, each naming its arrays in "weight_names" (kernel, then bias);</li>
 * <li>.h5 from {@code save_weights} (Keras 2): the same groups at the root, no architecture, so the
 *     script names the activation;</li>
 * <li>.keras (Keras 3): a zip of config.json and model.weights.h5, whose layer groups
 *     "layers/&lt;name&gt;/vars" hold the kernel as "0" and the bias as "1".</li>
 * </ul>
 * A Dense kernel is in×out (x W + b); netlens stores out×in, so it is transposed on reading.
 */
final class Keras {
    private Keras() {}

    /** Layers without weights that change nothing at inference on vectors. */
    private static final Set<String> PASS = Set.of("InputLayer", "Dropout", "Flatten");

    /** One layer of the architecture: its name, class and activation (null for none given). */
    private record Spec(String name, String kind, String activation) {}

    static DenseStack readNetwork(Path file) {
        try {
            if (file.getFileName().toString().endsWith(".keras")) return readKeras3(file);
            try (HdfFile hdf = new HdfFile(file)) {
                return readKeras2(file, hdf);
            }
        } catch (NetworkFileException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw new NetworkFileException(file + " is not a Keras model file netlens can read: " + e.getMessage(), e);
        }
    }

    private static DenseStack readKeras2(Path file, HdfFile hdf) {
        Attribute config = hdf.getAttribute("model_config");
        Group weights = hdf.getChild("model_weights") instanceof Group g ? g : hdf;
        Attribute names = weights.getAttribute("layer_names");
        if (names == null) throw new NetworkFileException(file + " has no layer_names attribute: not a Keras 2 model or weights file");
        List<Spec> specs = config == null ? null : specs(file, JsonParser.parseString(text(config.getData())).getAsJsonObject());
        List<DenseStack.Dense> layers = new ArrayList<>();
        for (String layer : strings(names.getData())) {
            Group group = (Group) weights.getChild(layer);
            List<String> arrays = strings(group.getAttribute("weight_names").getData());
            Spec spec = specs == null ? new Spec(layer, arrays.isEmpty() ? "Dropout" : "Dense", null)
                    : specs.stream().filter(s -> s.name().equals(layer)).findFirst().orElse(new Spec(layer, "?", null));
            List<Dataset> values = new ArrayList<>();
            for (String a : arrays) values.add(dataset(file, group, a));
            add(file, layers, spec, values);
        }
        return new DenseStack(layers, Map.of());
    }

    private static DenseStack readKeras3(Path file) throws IOException {
        byte[] config = null, weights = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("config.json")) config = zip.readAllBytes();
                else if (e.getName().equals("model.weights.h5")) weights = zip.readAllBytes();
            }
        }
        if (config == null || weights == null) throw new NetworkFileException(file + " lacks config.json or model.weights.h5: not a .keras archive");
        List<Spec> specs = specs(file, JsonParser.parseString(new String(config, StandardCharsets.UTF_8)).getAsJsonObject());
        List<DenseStack.Dense> layers = new ArrayList<>();
        try (HdfFile hdf = HdfFile.fromBytes(weights)) {
            Node root = hdf.getChild("layers");
            if (!(root instanceof Group groups)) throw new NetworkFileException(file + ": model.weights.h5 has no \"layers\" group");
            for (Spec spec : specs) {
                List<Dataset> values = new ArrayList<>();
                if (groups.getChild(spec.name()) instanceof Group g && g.getChild("vars") instanceof Group vars)
                    for (int i = 0; vars.getChild(String.valueOf(i)) != null; i++) values.add((Dataset) vars.getChild(String.valueOf(i)));
                add(file, layers, spec, values);
            }
        }
        return new DenseStack(layers, Map.of());
    }

    /** Appends a Dense layer, or folds an Activation layer into the one before it. */
    private static void add(Path file, List<DenseStack.Dense> layers, Spec spec, List<Dataset> values) {
        switch (spec.kind()) {
            case "Dense" -> {
                if (values.isEmpty() || values.size() > 2)
                    throw new NetworkFileException(file + ": Dense layer " + spec.name() + " holds " + values.size() + " arrays, expected kernel and bias");
                Dataset kernel = values.get(0);
                int[] shape = kernel.getDimensions();
                if (shape.length != 2)
                    throw new NetworkFileException(file + ": layer " + spec.name() + " has a kernel of shape " + Arrays.toString(shape) + ", expected [in, out]");
                int in = shape[0], out = shape[1];
                float[] k = floats(kernel), w = new float[in * out];
                for (int i = 0; i < in; i++)
                    for (int o = 0; o < out; o++) w[o * in + i] = k[i * out + o];
                float[] b = values.size() == 2 ? floats(values.get(1)) : null;
                if (b != null && b.length != out)
                    throw new NetworkFileException(file + ": layer " + spec.name() + " has a bias of shape " + Arrays.toString(values.get(1).getDimensions())
                            + ", expected [" + out + "]");
                layers.add(new DenseStack.Dense(spec.name(), in, out, w, b, spec.activation()));
            }
            case "Activation" -> {
                if (layers.isEmpty()) throw new NetworkFileException(file + ": Activation layer " + spec.name() + " comes before any Dense layer");
                int last = layers.size() - 1;
                layers.set(last, layers.get(last).withActivation(spec.activation()));
            }
            default -> {
                if (!PASS.contains(spec.kind()) || !values.isEmpty())
                    throw new NetworkFileException(file + ": layer " + spec.name() + " is a " + spec.kind()
                            + "; netlens reads Sequential models of Dense (and Activation, Dropout, Flatten) layers");
            }
        }
    }

    /** The layers of a Sequential model's config: {"class_name": "Sequential", "config": {"layers": […]}} (or the list itself, older Keras). */
    private static List<Spec> specs(Path file, JsonObject model) {
        JsonElement config = model.has("config") ? model.get("config") : model;
        JsonArray list = config.isJsonArray() ? config.getAsJsonArray() : config.getAsJsonObject().getAsJsonArray("layers");
        if (!"Sequential".equals(model.has("class_name") ? model.get("class_name").getAsString() : "Sequential") || list == null)
            throw new NetworkFileException(file + ": the model is a " + model.get("class_name") + ", netlens reads Sequential models");
        List<Spec> specs = new ArrayList<>();
        for (JsonElement e : list) {
            JsonObject layer = e.getAsJsonObject(), c = layer.getAsJsonObject("config");
            String activation = c.has("activation") && c.get("activation").isJsonPrimitive() ? c.get("activation").getAsString() : null;
            specs.add(new Spec(c.get("name").getAsString(), layer.get("class_name").getAsString(), activation));
        }
        return specs;
    }

    private static Dataset dataset(Path file, Group group, String path) {
        Node node = group;
        for (String part : path.split("/")) {
            node = node instanceof Group g ? g.getChild(part) : null;
            if (node == null) break;
        }
        if (!(node instanceof Dataset d)) throw new NetworkFileException(file + ": weight " + path + " of layer " + group.getName() + " is missing");
        return d;
    }

    private static float[] floats(Dataset d) {
        Object flat = d.getDataFlat();
        if (flat instanceof float[] f) return f;
        if (flat instanceof double[] x) {
            float[] f = new float[x.length];
            for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
            return f;
        }
        throw new NetworkFileException(d.getPath() + " holds " + d.getJavaType() + " values; netlens reads float weights");
    }

    /** An attribute's strings; Keras stores an empty list for a layer without weights, which jHDF reads as null. */
    private static List<String> strings(Object data) {
        if (data == null) return List.of();
        if (data instanceof String s) return List.of(s);
        return Arrays.stream((Object[]) data).map(Keras::text).toList();
    }

    /** HDF5 strings arrive as String or as bytes, depending on how h5py wrote them. */
    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }
}
