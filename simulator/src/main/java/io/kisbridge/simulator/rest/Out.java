package io.kisbridge.simulator.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/** An insertion-ordered output row whose values are all strings. */
final class Out {
    private final Map<String, Object> m = new LinkedHashMap<>();

    static Out row() {
        return new Out();
    }

    Out put(String k, Object v) {
        m.put(k, v == null ? "" : String.valueOf(v));
        return this;
    }

    Map<String, Object> map() {
        return m;
    }
}
