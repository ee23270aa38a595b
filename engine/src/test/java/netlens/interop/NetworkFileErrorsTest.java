package netlens.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netlens.nn.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files netlens cannot use end in one message naming the tensor, layer or operator and what was expected. */
class NetworkFileErrorsTest {
    @TempDir
    Path dir;

    private static Safetensors.Tensor t(String name, long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return new Safetensors.Tensor(name, shape, new float[(int) n]);
    }

    private String refusal(List<Safetensors.Tensor> tensors) throws IOException {
        Path f = dir.resolve("net.safetensors");
        Safetensors.write(f, tensors, Map.of());
        return assertThrows(NetworkFileException.class, () -> NetworkFiles.read(f).network(Activation.RELU, "net")).getMessage();
    }

    @Test
    void shapesThatDoNotChainNameTheLayerAndTheExpectedShape() throws IOException {
        String m = refusal(List.of(t("0.weight", 4, 5), t("0.bias", 4), t("2.weight", 3, 6), t("2.bias", 3)));
        assertTrue(m.contains("2: weight has shape [3, 6], expected [3, 4]"), m);
    }

    @Test
    void aBiasOfTheWrongShapeIsNamed() throws IOException {
        String m = refusal(List.of(t("0.weight", 4, 5), t("0.bias", 5), t("2.weight", 3, 4), t("2.bias", 3)));
        assertTrue(m.contains("tensor 0.bias has shape [5], expected [4]"), m);
    }

    @Test
    void tensorsOfOtherLayersAreNamed() throws IOException {
        String m = refusal(List.of(t("0.weight", 4, 5), t("1.running_mean", 4), t("2.weight", 3, 4)));
        assertTrue(m.contains("tensor 1.running_mean is not a Linear layer's weight or bias"), m);
        m = refusal(List.of(t("0.weight", 4, 5, 3), t("2.weight", 3, 4)));
        assertTrue(m.contains("tensor 0.weight has shape [4, 5, 3], expected [out, in]"), m);
    }

    @Test
    void aMissingWeightIsNamed() throws IOException {
        String m = refusal(List.of(t("0.weight", 4, 5), t("2.bias", 3), t("4.weight", 3, 4)));
        assertTrue(m.contains("2.bias has no 2.weight beside it"), m);
    }

    @Test
    void mixedBiasesAndSingleLayersAreRefused() throws IOException {
        assertTrue(refusal(List.of(t("0.weight", 4, 5), t("0.bias", 4), t("2.weight", 3, 4))).contains("2 has no bias while 0 has one"));
        assertTrue(refusal(List.of(t("0.weight", 4, 5))).contains("at least one hidden layer"));
    }

    /** A header written by hand: integer weights, and data offsets past the end of the file. */
    @Test
    void dtypesAndOffsetsAreChecked() throws IOException {
        assertTrue(raw("{\"0.weight\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8).contains("tensor 0.weight has dtype I64"));
        assertTrue(raw("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}", 8).contains("needs 16 bytes"));
        assertTrue(raw("not json", 0).contains("header is not a JSON object"));
    }

    private String raw(String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).put(json);
        Path f = Files.write(dir.resolve("raw.safetensors"), b.array());
        return assertThrows(NetworkFileException.class, () -> Safetensors.read(f)).getMessage();
    }

    /** Half precision decoded by the IEEE 754 binary16 rules: 1, −2, 0.5, the smallest subnormal 2⁻²⁴, 65504, ∞. */
    @Test
    void halfPrecisionWeightsAreWidenedExactly() throws IOException {
        short[] bits = {0x3c00, (short) 0xc000, 0x3800, 0x0001, 0x7bff, 0x7c00};
        float[] expected = {1f, -2f, 0.5f, 0x1p-24f, 65504f, Float.POSITIVE_INFINITY};
        String header = "{\"w\":{\"dtype\":\"F16\",\"shape\":[6],\"data_offsets\":[0,12]},\"b\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[12,14]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 14).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).put(json);
        for (short s : bits) b.putShort(s);
        b.putShort((short) 0x3fc0);                                  // bfloat16 1.5: the top half of float32 0x3fc00000
        Path f = Files.write(dir.resolve("half.safetensors"), b.array());
        Safetensors.Contents c = Safetensors.read(f);
        for (int i = 0; i < bits.length; i++) assertEquals(expected[i], c.tensors().get("w").values()[i], "F16 " + Integer.toHexString(bits[i] & 0xffff));
        assertEquals(1.5f, c.tensors().get("b").values()[0]);
    }

    /** An ONNX graph with a convolution, built field by field as onnx.proto numbers them. */
    @Test
    void theFirstUnsupportedOnnxOperatorIsNamed() throws IOException {
        ProtoFields.Writer weight = new ProtoFields.Writer().int64(1, 4).int64(1, 5).int64(2, 1).string(8, "w")
                .bytes(9, ByteString.copyFrom(new byte[80]));
        ProtoFields.Writer graph = new ProtoFields.Writer()
                .message(1, new ProtoFields.Writer().string(1, "x").string(1, "w").string(2, "y").string(3, "/conv1/Conv").string(4, "Conv"))
                .message(5, weight).message(11, new ProtoFields.Writer().string(1, "x"));
        Path f = Files.write(dir.resolve("conv.onnx"), new ProtoFields.Writer().int64(1, 8).message(7, graph).toByteString().toByteArray());
        String m = assertThrows(NetworkFileException.class, () -> NetworkFiles.read(f)).getMessage();
        assertTrue(m.contains("first unsupported operator Conv (node /conv1/Conv)"), m);
    }

    @Test
    void anActivationOtherThanTheFilesIsRefused() throws IOException {
        Path f = dir.resolve("tanh.safetensors");
        Safetensors.write(f, List.of(t("0.weight", 4, 5), t("2.weight", 3, 4)), Map.of(Safetensors.ACTIVATION, "tanh"));
        String m = assertThrows(NetworkFileException.class, () -> NetworkFiles.read(f).network(Activation.RELU, "tanh.safetensors")).getMessage();
        assertTrue(m.contains("says its hidden layers use tanh, the script says relu"), m);
    }
}
