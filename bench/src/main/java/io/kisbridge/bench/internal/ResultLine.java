package io.kisbridge.bench.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The machine-readable last line of a driver: {@code RESULT name key=value ...}; values never contain spaces.
 * Numbers with a fraction keep at most three decimals.
 */
public final class ResultLine {
    private final String name;
    private final Map<String, String> values = new LinkedHashMap<>();

    public ResultLine(String name) {
        this.name = name;
    }

    public ResultLine put(String key, Object value) {
        String v = value instanceof Double d ? format(d) : String.valueOf(value);
        values.put(key, v.replace(' ', '_'));
        return this;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("RESULT ").append(name);
        values.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    /** The key/value pairs of the last {@code RESULT name} line in {@code output}, if any. */
    public static Optional<Map<String, String>> parse(String output, String name) {
        Map<String, String> found = null;
        for (String line : output.split("\\R")) {
            String[] parts = line.strip().split(" ");
            if (parts.length >= 2 && parts[0].equals("RESULT") && parts[1].equals(name)) {
                found = new LinkedHashMap<>();
                for (int i = 2; i < parts.length; i++) {
                    int eq = parts[i].indexOf('=');
                    if (eq > 0) {
                        found.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
                    }
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.3f", d).replaceAll("0+$", "");
    }
}
