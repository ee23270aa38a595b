package netlens.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Networks in files, the format told by the name: .safetensors (PyTorch), .onnx, .h5 / .keras (Keras). */
public final class NetworkFiles {
    private NetworkFiles() {}

    public static DenseStack read(Path file) {
        if (!Files.isRegularFile(file)) throw new NetworkFileException(file + ": no such file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".safetensors")) return Safetensors.readNetwork(file);
        if (name.endsWith(".onnx")) return Onnx.readNetwork(file);
        if (name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".keras")) return Keras.readNetwork(file);
        throw new NetworkFileException(file + ": netlens reads networks from .safetensors, .onnx, .h5 and .keras files");
    }

    /** Saves in the format the name says (.safetensors or .onnx). */
    public static void write(Path file, DenseStack stack) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".safetensors")) Safetensors.writeNetwork(file, stack);
        else if (name.endsWith(".onnx")) Onnx.writeNetwork(file, stack);
        else throw new NetworkFileException(file + ": netlens saves networks as .safetensors or .onnx");
    }
}
