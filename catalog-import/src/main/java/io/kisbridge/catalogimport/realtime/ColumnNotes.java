package io.kisbridge.catalogimport.realtime;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code examples_llm/<group>/<function>/chk_<function>.py} file says about a realtime TR's columns:
 * {@code COLUMN_MAPPING} (code → Korean name) and {@code NUMERIC_COLUMNS} (the Korean names of numeric columns).
 * Read as text, never run. Codes are kept upper case.
 */
public record ColumnNotes(Map<String, String> names, Set<String> numericNames) {
    public static final ColumnNotes NONE = new ColumnNotes(Map.of(), Set.of());
    private static final Pattern MAPPING_ENTRY = Pattern.compile("[\"']([A-Za-z0-9_]+)[\"']\\s*:\\s*[\"']([^\"']*)[\"']");
    private static final Pattern STRING = Pattern.compile("[\"']([^\"']+)[\"']");

    public static ColumnNotes parse(String text) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> numeric = new LinkedHashSet<>();
        String mapping = block(text, "COLUMN_MAPPING", '{', '}');
        if (mapping != null) {
            Matcher m = MAPPING_ENTRY.matcher(mapping);
            while (m.find()) {
                names.put(m.group(1).toUpperCase(Locale.ROOT), m.group(2).strip());
            }
        }
        String numbers = block(text, "NUMERIC_COLUMNS", '[', ']');
        if (numbers != null) {
            Matcher m = STRING.matcher(numbers);
            while (m.find()) {
                numeric.add(m.group(1).strip());
            }
        }
        return new ColumnNotes(Map.copyOf(names), Set.copyOf(numeric));
    }

    /** The text between {@code NAME = <open>} and its matching close, or null. */
    private static String block(String text, String name, char open, char close) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\s*=\\s*\\" + open).matcher(text);
        if (!m.find()) {
            return null;
        }
        int end = text.indexOf(close, m.end());
        return end < 0 ? null : text.substring(m.end(), end);
    }
}
