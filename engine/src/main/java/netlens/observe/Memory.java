package netlens.observe;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** One observable's state across the probes of a run (e.g. features kept for comparisons between epochs). */
public final class Memory {
    private final Map<String, Object> slots = new HashMap<>();

    /** The value in the named slot, made by init the first time. */
    @SuppressWarnings("unchecked")
    public <T> T slot(String name, Supplier<T> init) {
        return (T) slots.computeIfAbsent(name, k -> init.get());
    }

    public boolean isEmpty() {
        return slots.isEmpty();
    }
}
