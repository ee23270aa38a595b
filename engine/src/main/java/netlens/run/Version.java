package netlens.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The netlens version, from the build. */
public final class Version {
    private Version() {}

    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/netlens/version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
