package netlens.linalg;

import java.util.logging.Logger;
import netlens.util.Caches;

/**
 * Chooses the linear-algebra backend once per JVM: native OpenBLAS when it loads, else pure Java.
 * {@code -Dnetlens.blas=java} forces the fallback (tests use it to compare the two).
 */
public final class Backend {
    private static volatile Blas chosen;
    private static volatile String fallbackReason;

    private Backend() {}

    public static Blas blas() {
        Blas b = chosen;
        if (b == null) {
            synchronized (Backend.class) {
                if (chosen == null) chosen = choose();
                b = chosen;
            }
        }
        return b;
    }

    /** Why the native backend is not in use, or null when it is. */
    public static String fallbackReason() {
        blas();
        return fallbackReason;
    }

    public static Blas pureJava() {
        return new JavaBlas();
    }

    private static Blas choose() {
        if ("java".equalsIgnoreCase(System.getProperty("netlens.blas"))) {
            fallbackReason = "netlens.blas=java requested";
            return new JavaBlas();
        }
        // JavaCPP unpacks native libraries into ~/.javacpp unless told otherwise: keep them in netlens' cache.
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null)
            System.setProperty("org.bytedeco.javacpp.cachedir", Caches.root().resolve("javacpp").toString());
        try {
            return new OpenBlas();
        } catch (Throwable e) {   // UnsatisfiedLinkError, NoClassDefFoundError: no usable native build here
            fallbackReason = "native OpenBLAS did not load: " + e;
            Logger.getLogger(Backend.class.getName()).warning(fallbackReason + "; using the pure-Java backend");
            return new JavaBlas();
        }
    }
}
