package netlens.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's /usr/bin/python3 for the tests that check files against the real frameworks. A test whose
 * module is missing is skipped with the package to install, unless NETLENS_REQUIRE_PYTHON is set
 * (CI sets it after installing python3-torch and python3-h5py), where it fails instead.
 */
public final class Python {
    public static final Path HELPERS = Path.of("src/test/python").toAbsolutePath();

    private Python() {}

    public static void require(String module, String debianPackage) throws Exception {
        boolean present = run("-c", "import " + module) == 0;
        String missing = "/usr/bin/python3 cannot import " + module + " (apt-get install " + debianPackage + ")";
        if (System.getenv("NETLENS_REQUIRE_PYTHON") != null) assertTrue(present, "NETLENS_REQUIRE_PYTHON is set but " + missing);
        assumeTrue(present, "skipped: " + missing);
    }

    /** Runs a helper script of src/test/python (or python3's own arguments), its output shown with the test's. */
    public static int helper(String script, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(HELPERS.resolve(script).toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    public static int run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OMP_NUM_THREADS", "1");
        try {
            return pb.start().waitFor();
        } catch (IOException e) {
            return -1;                                          // no /usr/bin/python3 at all
        }
    }
}
