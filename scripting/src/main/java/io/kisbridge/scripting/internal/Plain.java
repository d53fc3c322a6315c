package io.kisbridge.scripting.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns core's records into plain maps, lists, numbers and strings, and those into the JSON text that crosses
 * into the guest (where the prelude parses it into native objects/dicts).
 */
public final class Plain {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Plain() {
    }

    /** A plain value; record components named in {@code skip} (and RealtimeRecord views) are left out. */
    public static Object of(Object v, Set<String> skip) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            return v;
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : d;
        }
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof Temporal || v instanceof CharSequence) {
            return v.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), of(x, skip)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(of(x, skip)));
            return out;
        }
        if (v.getClass().isRecord()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                if (skip.contains(rc.getName()) || rc.getType().getSimpleName().equals("RealtimeRecord")) {
                    continue;
                }
                try {
                    out.put(rc.getName(), of(rc.getAccessor().invoke(v), skip));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        return v.toString();
    }

    public static String json(Object plain) {
        try {
            return MAPPER.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-serialisable: " + e.getOriginalMessage(), e);
        }
    }

    public static Object parse(String json) {
        try {
            return json == null || json.isEmpty() ? null : MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad value: " + e.getOriginalMessage(), e);
        }
    }
}
