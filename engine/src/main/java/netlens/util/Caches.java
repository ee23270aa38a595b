package netlens.util;

import java.nio.file.Path;

/**
 * The one folder netlens writes to besides a report folder: $XDG_CACHE_HOME/netlens, else
 * ~/.cache/netlens. It holds downloads, decompressed datasets, compiled scripts and the native
 * libraries JavaCPP unpacks.
 */
public final class Caches {
    private Caches() {}

    public static Path root() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("netlens");
    }
}
