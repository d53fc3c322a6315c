package io.kisbridge.bench.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A driver's {@code --name value} (or {@code --name=value}) options with defaults. Unknown names and missing values
 * are refused with a message that lists the known ones.
 */
public final class Options {
    private final String driver;
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    public Options(String driver) {
        this.driver = driver;
    }

    /** Declares an option; {@code name} without the dashes. */
    public Options option(String name, String defaultValue, String description) {
        defaults.put(name, defaultValue);
        help.put(name, description);
        return this;
    }

    /** True when {@code args} ask for help; otherwise parses them (throws {@link IllegalArgumentException}). */
    public boolean parse(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'; " + known());
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
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; " + known());
            }
            values.put(name, value);
        }
        return false;
    }

    public String string(String name) {
        if (!defaults.containsKey(name)) {
            throw new IllegalStateException("undeclared option " + name);
        }
        return values.getOrDefault(name, defaults.get(name));
    }

    /** A positive integer option. */
    public int positiveInt(String name) {
        return integer(name, 1);
    }

    /** A whole number option, zero allowed. */
    public int nonNegativeInt(String name) {
        return integer(name, 0);
    }

    /** A whole number option of at least {@code min}. */
    public int integer(String name, int min) {
        String v = string(name);
        int n;
        try {
            n = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number; got '" + v + "'");
        }
        if (n < min) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min + "; got " + n);
        }
        return n;
    }

    /** A duration such as {@code 30s}, {@code 2m}, {@code 500ms} or plain seconds ({@code 20}). */
    public Duration duration(String name) {
        String v = string(name).strip().toLowerCase(Locale.ROOT);
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
                    + string(name) + "'");
        }
    }

    public String usage(String summary) {
        StringBuilder b = new StringBuilder("usage: ./kisbridge bench " + driver + " [options]\n  " + summary + "\n");
        help.forEach((name, text) -> b.append(String.format("  --%-14s %s (default: %s)%n", name, text,
                defaults.get(name).isEmpty() ? "none" : defaults.get(name))));
        return b.toString();
    }

    private String known() {
        return "options of " + driver + ": --" + String.join(", --", defaults.keySet());
    }
}
