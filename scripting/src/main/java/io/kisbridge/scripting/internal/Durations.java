package io.kisbridge.scripting.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Timer and timeout texts: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or a plain number of milliseconds. */
public final class Durations {
    private static final Pattern P = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?\\s*");

    private Durations() {
    }

    public static Duration parse(String text) {
        Matcher m = P.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("a duration looks like 500ms, 5s, 2m or 1h; got '" + text + "'");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        double millis = switch (unit) {
            case "s" -> n * 1_000;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n;
        };
        return Duration.ofMillis(Math.round(millis));
    }
}
