package netlens.run;

/** Experiment names become folder names, so they are restricted to a safe alphabet. */
public final class ExperimentName {
    private ExperimentName() {}

    public static void check(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("the experiment name must not be empty");
        if (name.length() > 100) throw new IllegalArgumentException("the experiment name is longer than 100 characters");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || name.contains(".."))
            throw new IllegalArgumentException("experiment name '" + name + "' may only use letters, digits, '.', '_' and '-' "
                    + "(no path separators or '..'), starting with a letter or digit");
    }
}
