package netlens.util;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A value as text that depends on nothing but its content: records as Name[component=…, …] over
 * every component (so a field added later is covered without anyone listing it), arrays, lists and
 * maps by their elements, and code (a lambda, a stop rule) as "code" — its source is hashed
 * elsewhere. Two equal configurations give the same text in every run; this is what cache keys hash.
 */
public final class CanonicalText {
    private CanonicalText() {}

    public static String of(Object v) {
        StringBuilder s = new StringBuilder();
        append(s, v);
        return s.toString();
    }

    private static void append(StringBuilder s, Object v) {
        if (v == null) s.append("null");
        else if (v instanceof CharSequence || v instanceof Number || v instanceof Boolean || v instanceof Character) s.append(v);
        else if (v instanceof Enum<?> e) s.append(e.getDeclaringClass().getSimpleName()).append('.').append(e.name());
        else if (v instanceof Record r) record(s, r);
        else if (v.getClass().isArray()) list(s, Arrays.asList(boxed(v)));
        else if (v instanceof Collection<?> c) list(s, c);
        else if (v instanceof Map<?, ?> m) s.append(m.entrySet().stream().map(e -> of(e.getKey()) + "=" + of(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}")));
        else s.append("code");
    }

    private static void record(StringBuilder s, Record r) {
        s.append(r.getClass().getSimpleName()).append('[');
        RecordComponent[] components = r.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) s.append(", ");
            s.append(components[i].getName()).append('=');
            try {
                components[i].getAccessor().setAccessible(true);
                append(s, components[i].getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + components[i] + " of " + r.getClass(), e);
            }
        }
        s.append(']');
    }

    private static void list(StringBuilder s, Collection<?> c) {
        s.append('[');
        boolean first = true;
        for (Object e : c) {
            if (!first) s.append(", ");
            append(s, e);
            first = false;
        }
        s.append(']');
    }

    private static Object[] boxed(Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) out[i] = java.lang.reflect.Array.get(array, i);
        return out;
    }
}
