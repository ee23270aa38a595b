package netlens.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import netlens.data.Npy;
import netlens.nn.Activation;
import netlens.nn.Mlp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras files in the three layouts Keras writes (made with h5py, see src/test/python/keras_files.py:
 * Debian has no Keras) give the logits numpy computes from the same arrays; Dropout, a separate
 * Activation layer and a final softmax are read as Keras means them.
 */
class KerasFilesTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        Python.require("h5py", "python3-h5py");
        assertEquals(0, Python.helper("keras_files.py", dir.toString()), "the Keras files were written");
    }

    private static void check(String file, Activation scripted) {
        Mlp net = NetworkFiles.read(dir.resolve(file)).network(scripted, file);
        assertEquals(Activation.RELU, net.spec().activation(), file);
        float[] expected = Npy.read(dir.resolve("logits.npy")).floats();
        float[] got = PyTorchRoundTripTest.logits(net, Npy.read(dir.resolve("x.npy")).floats());
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], got[i], 1e-5f * (1 + Math.abs(expected[i])), file + " logit " + i);
    }

    @Test
    void kerasTwoModelFilesNameTheirActivations() {
        check("keras2.h5", null);
    }

    @Test
    void kerasThreeArchivesNameTheirActivations() {
        check("model.keras", null);
    }

    @Test
    void weightsOnlyFilesNeedTheScriptToNameTheActivation() {
        NetworkFileException e = assertThrows(NetworkFileException.class, () -> check("keras2-weights.h5", null));
        assertTrue(e.getMessage().contains("activation = relu"), e.getMessage());
        check("keras2-weights.h5", Activation.RELU);
    }
}
