package netlens.observe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named measurements in the order they were taken, each about a subject: a layer ("h1"), a kernel
 * ("nngp_relu"), or the whole network (""). Observables fill one in; results keep them.
 */
public final class Measurements {
    /** One measurement about one subject. */
    public record Entry(String subject, String name, Measurement value) {}

    /** The network as a whole. */
    public static final String NETWORK = "";

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public Measurements put(String name, double value) {
        return put(NETWORK, name, new Measurement.Scalar(value));
    }

    public Measurements put(String name, Measurement value) {
        return put(NETWORK, name, value);
    }

    /** Adds (or replaces, keeping its place) the measurement of subject under name. */
    public Measurements put(String subject, String name, Measurement value) {
        entries.put(subject + '\u0000' + name, new Entry(subject, name, value));
        return this;
    }

    public Measurements put(String subject, String name, double value) {
        return put(subject, name, new Measurement.Scalar(value));
    }

    /** Every entry of other, about subject instead of the network when other's are network-wide. */
    public Measurements putAll(String subject, Measurements other) {
        for (Entry e : other.entries.values()) put(e.subject().isEmpty() ? subject : e.subject(), e.name(), e.value());
        return this;
    }

    public Measurements putAll(Measurements other) {
        return putAll(NETWORK, other);
    }

    public Measurement get(String subject, String name) {
        Entry e = entries.get(subject + '\u0000' + name);
        return e == null ? null : e.value();
    }

    /** The scalar, or NaN when absent. */
    public double scalar(String subject, String name) {
        return get(subject, name) instanceof Measurement.Scalar s ? s.value() : Double.NaN;
    }

    public boolean has(String subject, String name) {
        return entries.containsKey(subject + '\u0000' + name);
    }

    public Measurement.Matrix matrix(String subject, String name) {
        return get(subject, name) instanceof Measurement.Matrix m ? m : null;
    }

    public Measurement.Vector vector(String subject, String name) {
        return get(subject, name) instanceof Measurement.Vector v ? v : null;
    }

    public Measurement.Table table(String subject, String name) {
        return get(subject, name) instanceof Measurement.Table t ? t : null;
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries.values()));
    }

    /** The subjects in order of their first entry. */
    public Set<String> subjects() {
        Set<String> out = new LinkedHashSet<>();
        for (Entry e : entries.values()) out.add(e.subject());
        return out;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
