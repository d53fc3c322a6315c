package io.kisbridge.bench.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A driver's {@code --name value} / {@code --name=value} options with defaults. Unknown names and malformed values
 * are refused with a message naming the option; {@link #usage()} lists the options and their defaults.
 */
public final class Flags {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();

    /** Declares an option: its name without dashes, its default and one line of help. */
    public Flags option(String name, String defaultValue, String description) {
        values.put(name, defaultValue);
        help.put(name, description);
        return this;
    }

    /** Reads the arguments; returns false (and the caller prints {@link #usage()}) for {@code --help}. */
    public boolean parse(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                return false;
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'; options look like --name value");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + String.join(", ",
                        values.keySet().stream().map(k -> "--" + k).toList()));
            }
            values.put(name, value);
        }
        return true;
    }

    public String usage() {
        StringBuilder b = new StringBuilder();
        help.forEach((k, v) -> b.append(String.format("  --%-16s %s (default %s)%n", k, v, values.get(k))));
        return b.toString();
    }

    public String text(String name) {
        return values.get(name);
    }

    public int integer(String name, int min) {
        int v;
        try {
            v = Integer.parseInt(values.get(name).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number; got '" + values.get(name) + "'");
        }
        if (v < min) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min + "; got " + v);
        }
        return v;
    }

    /** A duration such as {@code 30s}, {@code 2m}, {@code 500ms} or plain seconds ({@code 20}). */
    public Duration duration(String name) {
        String v = values.get(name).strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a duration like 30s, 2m or 500ms; got '"
                    + values.get(name) + "'");
        }
    }
}
