package netlens.interop;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import netlens.run.Version;

/**
 * Fully connected networks in ONNX files, as {@code torch.onnx.export} writes an {@code nn.Sequential}
 * MLP: Gemm nodes (or MatMul followed by Add) with their weights as initializers, element-wise
 * activation nodes between them. Field numbers are onnx.proto's (ModelProto.graph = 7, …).
 */
public final class Onnx {
    private Onnx() {}

    // onnx.proto field numbers
    private static final int MODEL_IR_VERSION = 1, MODEL_PRODUCER = 2, MODEL_PRODUCER_VERSION = 3, MODEL_GRAPH = 7, MODEL_OPSET = 8;
    private static final int MODEL_METADATA = 14, ENTRY_KEY = 1, ENTRY_VALUE = 2, OPSET_DOMAIN = 1, OPSET_VERSION = 2;
    private static final int GRAPH_NODE = 1, GRAPH_NAME = 2, GRAPH_INITIALIZER = 5, GRAPH_INPUT = 11, GRAPH_OUTPUT = 12;
    private static final int NODE_INPUT = 1, NODE_OUTPUT = 2, NODE_NAME = 3, NODE_OP = 4, NODE_ATTRIBUTE = 5;
    private static final int ATTR_NAME = 1, ATTR_F = 2, ATTR_I = 3, ATTR_T = 5, ATTR_TYPE = 20, ATTR_TYPE_INT = 2;
    private static final int TENSOR_DIMS = 1, TENSOR_TYPE = 2, TENSOR_FLOATS = 4, TENSOR_NAME = 8, TENSOR_RAW = 9, TENSOR_DOUBLES = 10,
            TENSOR_LOCATION = 14, FLOAT = 1, DOUBLE = 11;
    private static final int VALUE_NAME = 1, VALUE_TYPE = 2, TYPE_TENSOR = 1, TENSOR_ELEM = 1, TENSOR_SHAPE = 2, SHAPE_DIM = 1,
            DIM_VALUE = 1, DIM_PARAM = 2;

    /** Operators that pass their input through at inference (Flatten of a batch of vectors included). */
    private static final Set<String> PASS = Set.of("Identity", "Dropout", "Flatten");
    private static final Set<String> ACTIVATIONS = Set.of("Relu", "Tanh", "Sigmoid", "Softmax", "LogSoftmax", "LeakyRelu", "Elu", "Gelu", "Softplus");

    private record Constant(long[] shape, float[] values) {}

    public static DenseStack readNetwork(Path file) {
        ProtoFields model, graph;
        try (var in = Files.newInputStream(file)) {
            model = ProtoFields.parse(ByteString.readFrom(in));
            graph = model.message(MODEL_GRAPH);
        } catch (IOException e) {
            throw new NetworkFileException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NetworkFileException e) {
            throw new NetworkFileException(file + " is not an ONNX model: " + e.getMessage(), e);
        }
        Map<String, Constant> constants = new HashMap<>();
        for (ProtoFields t : graph.messages(GRAPH_INITIALIZER)) constants.put(t.string(TENSOR_NAME), tensor(file, t));
        String current = null;
        for (ProtoFields input : graph.messages(GRAPH_INPUT))
            if (!constants.containsKey(input.string(VALUE_NAME))) {
                current = input.string(VALUE_NAME);
                break;
            }
        if (current == null) throw new NetworkFileException(file + ": the graph has no input besides its weights");
        List<DenseStack.Dense> layers = new ArrayList<>();
        boolean awaitingBias = false;
        for (ProtoFields node : graph.messages(GRAPH_NODE)) {
            String op = node.string(NODE_OP), name = node.string(NODE_NAME);
            List<String> in = node.strings(NODE_INPUT);
            String out = node.strings(NODE_OUTPUT).isEmpty() ? "" : node.strings(NODE_OUTPUT).get(0);
            if (op.equals("Constant")) {
                for (ProtoFields a : node.messages(NODE_ATTRIBUTE))
                    if (a.string(ATTR_NAME).equals("value")) constants.put(out, tensor(file, a.message(ATTR_T)));
                continue;
            }
            if (!in.contains(current)) continue;                    // not on the path from the input (shape arithmetic)
            String where = op + " (node " + (name.isEmpty() ? out : name) + ")";
            if (op.equals("Gemm")) {
                if (attribute(node, "transA", 0) != 0) throw new NetworkFileException(file + ": " + where + " transposes its input; netlens reads x Wᵀ + b");
                boolean transB = attribute(node, "transB", 0) != 0;
                float alpha = attributeF(node, "alpha", 1f), beta = attributeF(node, "beta", 1f);
                Constant w = constant(file, constants, in, 1, where);
                DenseStack.Dense d = dense(file, weightName(in.get(1), where), w, transB, alpha, where);
                if (in.size() > 2 && !in.get(2).isEmpty()) d = withBias(file, d, constant(file, constants, in, 2, where), beta, where);
                layers.add(d);
                awaitingBias = false;
            } else if (op.equals("MatMul")) {
                if (!in.get(0).equals(current)) throw new NetworkFileException(file + ": " + where + " multiplies the input from the left; netlens reads x W");
                layers.add(dense(file, weightName(in.get(1), where), constant(file, constants, in, 1, where), false, 1f, where));
                awaitingBias = true;
            } else if (op.equals("Add") && awaitingBias) {
                int other = in.get(0).equals(current) ? 1 : 0;
                int last = layers.size() - 1;
                layers.set(last, withBias(file, layers.get(last), constant(file, constants, in, other, where), 1f, where));
                awaitingBias = false;
            } else if (ACTIVATIONS.contains(op) && !layers.isEmpty()) {
                int last = layers.size() - 1;
                layers.set(last, layers.get(last).withActivation(op.toLowerCase(Locale.ROOT).replace("logsoftmax", "log_softmax")));
                awaitingBias = false;
            } else if (!PASS.contains(op)) {
                throw new NetworkFileException(file + ": first unsupported operator " + where
                        + "; netlens reads Gemm, MatMul + Add, Relu, Tanh, Identity, Dropout, Flatten and a final Softmax");
            }
            current = out;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (ProtoFields p : model.messages(MODEL_METADATA)) metadata.put(p.string(ENTRY_KEY), p.string(ENTRY_VALUE));
        return new DenseStack(layers, metadata);
    }

    private static String weightName(String tensor, String where) {
        return tensor.endsWith(".weight") ? tensor.substring(0, tensor.length() - ".weight".length()) : where;
    }

    private static DenseStack.Dense dense(Path file, String name, Constant w, boolean transposed, float alpha, String where) {
        if (w.shape().length != 2)
            throw new NetworkFileException(file + ": " + where + " has a weight of shape " + Arrays.toString(w.shape()) + ", expected 2 dimensions");
        int rows = (int) w.shape()[0], cols = (int) w.shape()[1];
        int out = transposed ? rows : cols, in = transposed ? cols : rows;
        float[] weight = new float[out * in];                 // out×in, what x Wᵀ multiplies by
        for (int o = 0; o < out; o++)
            for (int i = 0; i < in; i++) weight[o * in + i] = alpha * (transposed ? w.values()[o * cols + i] : w.values()[i * cols + o]);
        return new DenseStack.Dense(name, in, out, weight, null, null);
    }

    private static DenseStack.Dense withBias(Path file, DenseStack.Dense d, Constant b, float beta, String where) {
        if (b.values().length != d.out())
            throw new NetworkFileException(file + ": " + where + " adds a bias of shape " + Arrays.toString(b.shape()) + ", expected [" + d.out() + "]");
        float[] bias = b.values().clone();
        for (int i = 0; i < bias.length; i++) bias[i] *= beta;
        return new DenseStack.Dense(d.name(), d.in(), d.out(), d.weight(), bias, d.activation());
    }

    private static Constant constant(Path file, Map<String, Constant> constants, List<String> in, int index, String where) {
        Constant c = index < in.size() ? constants.get(in.get(index)) : null;
        if (c == null)
            throw new NetworkFileException(file + ": " + where + " takes " + (index < in.size() ? in.get(index) : "no input " + index)
                    + ", which is no initializer or constant; netlens reads weights stored in the file");
        return c;
    }

    private static long attribute(ProtoFields node, String name, long absent) {
        for (ProtoFields a : node.messages(NODE_ATTRIBUTE)) if (a.string(ATTR_NAME).equals(name)) return a.int64(ATTR_I, absent);
        return absent;
    }

    private static float attributeF(ProtoFields node, String name, float absent) {
        for (ProtoFields a : node.messages(NODE_ATTRIBUTE)) if (a.string(ATTR_NAME).equals(name)) return a.float32(ATTR_F, absent);
        return absent;
    }

    private static Constant tensor(Path file, ProtoFields t) {
        String name = t.string(TENSOR_NAME);
        if (t.int64(TENSOR_LOCATION, 0) != 0)
            throw new NetworkFileException(file + ": tensor " + name + " is stored in an external file; export with the weights inside the model");
        long[] shape = t.int64s(TENSOR_DIMS).stream().mapToLong(Long::longValue).toArray();
        long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        long type = t.int64(TENSOR_TYPE, 0);
        ByteString raw = t.bytes(TENSOR_RAW);
        float[] values = new float[(int) count];
        if (type == FLOAT && !raw.isEmpty()) {
            check(file, name, raw.size(), count * 4);
            raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else if (type == FLOAT) {
            float[] f = t.floats(TENSOR_FLOATS);
            check(file, name, f.length * 4L, count * 4);
            values = f;
        } else if (type == DOUBLE) {
            double[] d = raw.isEmpty() ? t.doubles(TENSOR_DOUBLES) : rawDoubles(raw);
            check(file, name, d.length * 8L, count * 8);
            for (int i = 0; i < values.length; i++) values[i] = (float) d[i];
        } else {
            throw new NetworkFileException(file + ": tensor " + name + " has ONNX data type " + type + "; netlens reads float (1) and double (11) weights");
        }
        return new Constant(shape, values);
    }

    private static double[] rawDoubles(ByteString raw) {
        double[] d = new double[raw.size() / 8];
        raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(d);
        return d;
    }

    private static void check(Path file, String name, long bytes, long expected) {
        if (bytes != expected) throw new NetworkFileException(file + ": tensor " + name + " holds " + bytes + " bytes, its shape needs " + expected);
    }

    /**
     * Writes the stack as Gemm (transB = 1, PyTorch's weight layout) and activation nodes, opset 13,
     * input "input" [batch, in], output "logits" [batch, out].
     */
    public static void writeNetwork(Path file, DenseStack stack) throws IOException {
        ProtoFields.Writer graph = new ProtoFields.Writer();
        String current = "input";
        List<ProtoFields.Writer> initializers = new ArrayList<>();
        for (int l = 0; l < stack.layers().size(); l++) {
            DenseStack.Dense d = stack.layers().get(l);
            boolean last = l == stack.layers().size() - 1;
            String z = last && "linear".equals(d.activation()) ? "logits" : "/" + d.name() + "/Gemm_output_0";
            ProtoFields.Writer gemm = new ProtoFields.Writer().string(NODE_INPUT, current).string(NODE_INPUT, d.name() + ".weight");
            initializers.add(tensor(d.name() + ".weight", new long[] {d.out(), d.in()}, d.weight()));
            if (d.bias() != null) {
                gemm.string(NODE_INPUT, d.name() + ".bias");
                initializers.add(tensor(d.name() + ".bias", new long[] {d.out()}, d.bias()));
            }
            gemm.string(NODE_OUTPUT, z).string(NODE_NAME, "/" + d.name() + "/Gemm").string(NODE_OP, "Gemm")
                    .message(NODE_ATTRIBUTE, new ProtoFields.Writer().string(ATTR_NAME, "transB").int64(ATTR_I, 1).int64(ATTR_TYPE, ATTR_TYPE_INT));
            graph.message(GRAPH_NODE, gemm);
            current = z;
            if (!"linear".equals(d.activation())) {
                String op = switch (d.activation()) {
                    case "relu" -> "Relu";
                    case "tanh" -> "Tanh";
                    default -> throw new NetworkFileException("netlens saves relu, tanh and linear layers, not " + d.activation());
                };
                String a = last ? "logits" : "/" + op + "_" + l + "_output_0";
                graph.message(GRAPH_NODE, new ProtoFields.Writer().string(NODE_INPUT, current).string(NODE_OUTPUT, a)
                        .string(NODE_NAME, "/" + op + "_" + l).string(NODE_OP, op));
                current = a;
            }
        }
        graph.string(GRAPH_NAME, "netlens");
        for (ProtoFields.Writer t : initializers) graph.message(GRAPH_INITIALIZER, t);
        graph.message(GRAPH_INPUT, value("input", stack.inputs()));
        graph.message(GRAPH_OUTPUT, value("logits", stack.outputs()));
        ProtoFields.Writer model = new ProtoFields.Writer().int64(MODEL_IR_VERSION, 8).string(MODEL_PRODUCER, "netlens")
                .string(MODEL_PRODUCER_VERSION, Version.get()).message(MODEL_GRAPH, graph)
                .message(MODEL_OPSET, new ProtoFields.Writer().string(OPSET_DOMAIN, "").int64(OPSET_VERSION, 13));
        Files.write(file, model.toByteString().toByteArray());
    }

    private static ProtoFields.Writer tensor(String name, long[] shape, float[] values) {
        ProtoFields.Writer t = new ProtoFields.Writer();
        for (long d : shape) t.int64(TENSOR_DIMS, d);
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return t.int64(TENSOR_TYPE, FLOAT).string(TENSOR_NAME, name).bytes(TENSOR_RAW, ByteString.copyFrom(raw.array()));
    }

    /** A float tensor [batch, width] with a symbolic batch dimension. */
    private static ProtoFields.Writer value(String name, int width) {
        ProtoFields.Writer shape = new ProtoFields.Writer().message(SHAPE_DIM, new ProtoFields.Writer().string(DIM_PARAM, "batch"))
                .message(SHAPE_DIM, new ProtoFields.Writer().int64(DIM_VALUE, width));
        ProtoFields.Writer tensor = new ProtoFields.Writer().int64(TENSOR_ELEM, FLOAT).message(TENSOR_SHAPE, shape);
        return new ProtoFields.Writer().string(VALUE_NAME, name).message(VALUE_TYPE, new ProtoFields.Writer().message(TYPE_TENSOR, tensor));
    }
}
