package netlens.run;

/** Experiment names become folder names, so they are restricted to a safe alphabet. */
public final class ExperimentName {
    private ExperimentName() {}

    public static void check(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("the experiment name must not be empty");
        // File systems limit names in bytes (255), and reports add suffixes: '.partial', 'compare-…-vs-…'.
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 100)
            throw new IllegalArgumentException("the experiment name is longer than 100 bytes of UTF-8");
        // Letters and digits of any script (réseau, 網絡); separators and '..' could leave the report folder.
        if (!name.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*") || name.contains(".."))
            throw new IllegalArgumentException("experiment name '" + name + "' may only use letters, digits, '.', '_' and '-' "
                    + "(no spaces, path separators or '..'), starting with a letter or digit");
    }
}
