package netlens.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import netlens.observe.Observable;
import netlens.train.TrainConfig;

/**
 * A canonical text of everything that decides an experiment's numbers: equal texts mean equal runs.
 * Observables contribute their {@link Observable#identity} (key and every parameter), so no list of
 * probe settings is kept by hand. Code in a script (an until { } condition) is not a value: the
 * caller hashes the script's text beside this ({@link #key}).
 */
public final class Fingerprint {
    private Fingerprint() {}

    public static String of(Experiment e) {
        ModelSpec m = e.model();
        TrainConfig t = e.train();
        StringBuilder s = new StringBuilder();
        s.append("seed=").append(e.seed());
        s.append("\ndata=").append(e.data().getClass().getSimpleName()).append(": ").append(e.data().describe());
        s.append("\nmodel=").append(Arrays.toString(m.hidden())).append(' ').append(m.activation().key()).append(" bias=").append(m.bias())
                .append(" init=").append(m.init().key()).append(' ').append(m.parameterisation().key()).append(" alpha=").append(m.alpha());
        s.append("\ntrain=").append(t.loss().key()).append(' ').append(t.optimizer()).append(" batch=").append(t.batchSize())
                .append(" maxEpochs=").append(t.maxEpochs()).append(" until=").append(t.until() != null).append(" extra=").append(t.extraEpochs())
                .append(" evaluateEvery=").append(t.evaluateEvery());
        s.append("\nprobes=").append(e.probes());
        for (Observable o : e.observables()) s.append("\nobserve ").append(o.identity());
        return s.toString();
    }

    /** The point's cache address: SHA-256 of its fingerprint, the script code around it and the netlens build. */
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
