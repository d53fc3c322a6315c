package io.kisbridge.core.realtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of a data frame, read by position against its schema. It is a view on the frame text and
 * the field boundaries found by one scan (no copy; a field becomes a String only when asked for). When the record has fewer fields than the schema, the missing ones read as null;
 * extra trailing fields (a newer layout) are ignored by name lookups but counted in {@link #size()}.
 */
public final class RealtimeRecord {
    private final String trId;
    private final RealtimeSchema schema;
    /** The text holding the fields (the frame itself for plain frames, the plaintext for encrypted ones). */
    private final String source;
    /** Field i of the frame spans source[starts[i] .. starts[i+1]-1) (the -1 skips the '^'). */
    private final int[] starts;
    private final int base;
    private final int size;

    RealtimeRecord(String trId, RealtimeSchema schema, String source, int[] starts, int base, int size) {
        this.trId = trId;
        this.schema = schema;
        this.source = source;
        this.starts = starts;
        this.base = base;
        this.size = size;
    }

    /** The frame's TR ID (H0STCNI9 for paper notices, though the schema is H0STCNI0's). */
    public String trId() {
        return trId;
    }

    public RealtimeSchema schema() {
        return schema;
    }

    /** Number of values this record actually carried. */
    public int size() {
        return size;
    }

    public boolean fieldCountMatches() {
        return size == schema.fieldCount();
    }

    /** Raw text at a schema position, or null if the record is shorter. */
    public String text(int index) {
        if (index < 0 || index >= size) {
            return null;
        }
        int i = base + index;
        return source.substring(starts[i], starts[i + 1] - 1);
    }

    /** Raw text of the field with this KIS code, or null if unknown or missing. */
    public String text(String code) {
        return text(schema.indexOf(code));
    }

    /** Typed value of a field (see {@link FieldType}); null if unknown, missing, empty or unparsable. */
    public Object value(String code) {
        int i = schema.indexOf(code);
        return i < 0 ? null : schema.fields().get(i).type().convert(text(i));
    }

    /** Whether the field equals {@code expected}, without allocating. */
    boolean textEquals(int index, String expected) {
        if (index < 0 || index >= size) {
            return false;
        }
        int i = base + index;
        int from = starts[i];
        int len = starts[i + 1] - 1 - from;
        return len == expected.length() && source.regionMatches(from, expected, 0, len);
    }

    /** Signed integer at a position, parsed in place; 0 when missing, empty or not an integer. */
    long longAt(int index) {
        if (index < 0 || index >= size) {
            return 0;
        }
        int i = base + index;
        int from = starts[i];
        int to = starts[i + 1] - 1;
        if (from >= to || to - from > 19) {
            return 0;
        }
        boolean negative = false;
        char first = source.charAt(from);
        if (first == '-' || first == '+') {
            negative = first == '-';
            if (++from == to) {
                return 0;
            }
        }
        long v = 0;
        for (int k = from; k < to; k++) {
            int d = source.charAt(k) - '0';
            if (d < 0 || d > 9) {
                return 0;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /** HHMMSS at a position, parsed in place; null when absent or invalid. */
    java.time.LocalTime timeAt(int index) {
        if (index < 0 || index >= size || starts[base + index + 1] - 1 - starts[base + index] != 6) {
            return null;
        }
        long v = longAt(index);
        int h = (int) (v / 10000);
        int m = (int) (v / 100 % 100);
        int sec = (int) (v % 100);
        return v < 0 || h > 23 || m > 59 || sec > 59 ? null : java.time.LocalTime.of(h, m, sec);
    }

    /** YYYYMMDD at a position, parsed in place; null when absent or invalid. */
    java.time.LocalDate dateAt(int index) {
        if (index < 0 || index >= size || starts[base + index + 1] - 1 - starts[base + index] != 8) {
            return null;
        }
        long v = longAt(index);
        int y = (int) (v / 10000);
        int m = (int) (v / 100 % 100);
        int d = (int) (v % 100);
        if (v <= 0 || m < 1 || m > 12 || d < 1 || d > 31) {
            return null;
        }
        try {
            return java.time.LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    /**
     * Decimal at a position; NaN when missing or malformed. Parsed in place as mantissa / 10^scale,
     * which is correctly rounded (same double as {@link Double#parseDouble}) for up to 15 digits.
     */
    double doubleAt(int index) {
        if (index < 0 || index >= size) {
            return Double.NaN;
        }
        int i = base + index;
        int from = starts[i];
        int to = starts[i + 1] - 1;
        if (from >= to) {
            return Double.NaN;
        }
        boolean negative = false;
        char first = source.charAt(from);
        if (first == '-' || first == '+') {
            negative = first == '-';
            from++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        for (int k = from; k < to; k++) {
            char c = source.charAt(k);
            if (c == '.' && scale < 0) {
                scale = 0;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9) {
                return Double.NaN;
            }
            mantissa = mantissa * 10 + d;
            digits++;
            if (scale >= 0) {
                scale++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (digits > 15) {
            try {
                return Double.parseDouble(source.substring(starts[i], to));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        double v = scale <= 0 ? mantissa : mantissa / POW10[scale];
        return negative ? -v : v;
    }

    /** Field code → typed value, in schema order (every schema field present; missing ones null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(schema.fieldCount() * 2);
        for (Field f : schema.fields()) {
            m.put(f.code(), f.type().convert(text(f.index())));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Field code → raw text, in schema order. */
    public Map<String, String> toTextMap() {
        Map<String, String> m = new LinkedHashMap<>(schema.fieldCount() * 2);
        for (Field f : schema.fields()) {
            m.put(f.code(), text(f.index()));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Deliberately without values: execution notices carry account numbers. */
    @Override
    public String toString() {
        return "RealtimeRecord[" + trId + ", " + size + "/" + schema.fieldCount() + " fields]";
    }
}
