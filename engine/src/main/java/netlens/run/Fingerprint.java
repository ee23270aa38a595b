package netlens.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import netlens.util.CanonicalText;

/**
 * The canonical text of everything that decides an experiment's numbers: every component of the
 * experiment record, recursively (data, network, training, probe schedule, and each observable's
 * parameters), so equal texts mean equal runs and no list of settings is kept by hand. Code in a
 * script (an until { } condition) is not a value: the caller hashes the script's text beside this
 * ({@link #key}).
 */
public final class Fingerprint {
    private Fingerprint() {}

    public static String of(Experiment e) {
        return CanonicalText.of(e);
    }

    /** The point's cache address: SHA-256 of its fingerprint, the script code around it and an id of the netlens code that computes it. */
    public static String key(Experiment e, String scriptCode, String build) {
        return sha256(of(e) + "\n" + scriptCode + "\n" + build);
    }

    public static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : d) hex.append(String.format("%02x", b));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
