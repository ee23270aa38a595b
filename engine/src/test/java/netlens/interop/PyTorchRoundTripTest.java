package netlens.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import netlens.data.Npy;
import netlens.linalg.Backend;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;
import netlens.linalg.Workers;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.nn.Parameterisation;
import netlens.nn.Tape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Networks cross between netlens and the real frameworks on this machine and give the same logits
 * to float32 precision: PyTorch (Debian's python3-torch) trains and saves an MLP as safetensors and
 * with torch.onnx.export, netlens loads both; netlens saves one, PyTorch loads it into the documented
 * nn.Sequential with load_state_dict(strict=True) and ONNX Runtime runs netlens's ONNX file.
 * Skipped where /usr/bin/python3 has no torch (see {@link Python}).
 */
class PyTorchRoundTripTest {
    private static final int ROWS = 64, INPUTS = 6;

    @BeforeAll
    static void torchPresent() throws Exception {
        Python.require("torch", "python3-torch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "tanh"})
    void pytorchNetworksGiveTheirLogitsInNetlens(String activation, @TempDir Path dir) throws Exception {
        assertEquals(0, Python.helper("torch_interop.py", "export", dir.toString(), activation), "the PyTorch export ran");
        float[] x = Npy.read(dir.resolve("x.npy")).floats(), expected = Npy.read(dir.resolve("logits.npy")).floats();
        Activation named = Activation.valueOf(activation.toUpperCase(Locale.ROOT));
        // safetensors cannot say which activation the Sequential had: the script names it; ONNX says.
        close(expected, logits(NetworkFiles.read(dir.resolve("torch.safetensors")).network(named, "torch.safetensors"), x), "safetensors");
        Mlp fromOnnx = NetworkFiles.read(dir.resolve("torch.onnx")).network(null, "torch.onnx");
        assertEquals(named, fromOnnx.spec().activation(), "the ONNX graph names its activation");
        close(expected, logits(fromOnnx, x), "ONNX");
    }

    /** NTK scaling, so the saved weights must fold in each layer's 1/√fan-in for a plain Linear stack to agree. */
    @Test
    void netlensNetworksGiveTheirLogitsInPyTorchAndOnnxRuntime(@TempDir Path dir) throws Exception {
        Mlp net = Mlp.initialise(new MlpSpec(INPUTS, new int[] {16, 8}, 3, Activation.TANH, true, Init.PYTORCH, Parameterisation.NTK, Double.NaN), 3);
        float[] x = new float[ROWS * INPUTS];
        Random r = new Random(4);
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        Npy.writeFloats(dir.resolve("x.npy"), new int[] {ROWS, INPUTS}, x);
        float[] expected = logits(net, x);
        NetworkFiles.write(dir.resolve("netlens.safetensors"), DenseStack.of(net));
        NetworkFiles.write(dir.resolve("netlens.onnx"), DenseStack.of(net));

        assertEquals(0, Python.helper("torch_interop.py", "import", dir.toString()), "PyTorch loaded the state_dict");
        close(expected, Npy.read(dir.resolve("torch_logits.npy")).floats(), "PyTorch");
        close(expected, onnxRuntime(dir.resolve("netlens.onnx"), x), "ONNX Runtime");
        // And back: netlens reads its own files to the same function.
        close(expected, logits(NetworkFiles.read(dir.resolve("netlens.onnx")).network(null, "netlens.onnx"), x), "netlens from ONNX");
        close(expected, logits(NetworkFiles.read(dir.resolve("netlens.safetensors")).network(null, "netlens.safetensors"), x), "netlens from safetensors");
    }

    static float[] logits(Mlp net, float[] x) {
        int rows = x.length / net.width(0), k = net.width(net.layers());
        try (Workers w = new Workers(1)) {
            Tape tape = new Tape(net, rows);
            net.forward(new Gemm(Backend.blas(), w), Matrix.of(rows, net.width(0), x), tape);
            Matrix out = tape.post(net.layers());
            float[] values = new float[rows * k];
            for (int i = 0; i < values.length; i++) values[i] = out.buffer().get(out.offset() + i);
            return values;
        }
    }

    private static float[] onnxRuntime(Path model, float[] x) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {ROWS, INPUTS});
             OrtSession.Result result = session.run(Map.of("input", input))) {
            float[][] out = (float[][]) result.get(0).getValue();
            float[] flat = new float[out.length * out[0].length];
            for (int i = 0; i < out.length; i++) System.arraycopy(out[i], 0, flat, i * out[0].length, out[0].length);
            return flat;
        }
    }

    /** Float32 precision: every logit within 1e-5 of the largest one's magnitude (products summed in other orders). */
    private static void close(float[] expected, float[] got, String what) {
        assertEquals(expected.length, got.length, what + ": number of logits");
        float scale = 0;
        for (float v : expected) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], got[i], 1e-5f * scale, what + ": logit " + i);
    }
}
