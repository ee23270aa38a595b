package netlens.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** The offline copies of MNIST and Fashion-MNIST the tests read (../shared/data, or NETLENS_DATA). */
public final class TestData {
    private TestData() {}

    public static Path folder() {
        String env = System.getenv("NETLENS_DATA");
        Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("../../shared/data");
        if (!Files.isDirectory(p.resolve("mnist")))
            throw new IllegalStateException("test datasets not found at " + p.toAbsolutePath() + "; set NETLENS_DATA to the folder holding mnist/");
        return p;
    }

    public static DataStore store() {
        return new DataStore(folder(), Path.of(System.getProperty("java.io.tmpdir"), "netlens-test-cache"), s -> {});
    }
}
