package io.kisbridge.core.realtime;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * How a realtime field's text converts to a Java value. Every KIS value arrives as text; an empty
 * field, or one that does not parse as its declared type, converts to {@code null} (the raw text stays
 * available through {@link RealtimeRecord#text(int)}).
 */
public enum FieldType {
    /** Free text (names, contents): kept as the String. */
    TEXT("text"),
    /** Signed integer (prices in KRW, quantities, counts). */
    LONG("integer"),
    /** Signed decimal (VWAP, index levels, NAV): {@link BigDecimal}. */
    DECIMAL("decimal"),
    /** A percentage or ratio: {@link BigDecimal}, like {@link #DECIMAL}. */
    RATE("rate"),
    /** {@code HHMMSS} → {@link LocalTime} (KST wall time). */
    TIME("time"),
    /** {@code YYYYMMDD} → {@link LocalDate}. */
    DATE("date"),
    /** A change sign: 1 upper limit, 2 up, 3 flat, 4 lower limit, 5 down; kept as the String. */
    SIGN("sign"),
    /** A code or flag (symbols, class codes, Y/N): kept as the String, leading zeros and all. */
    CODE("code");

    private final String dataName;

    FieldType(String dataName) {
        this.dataName = dataName;
    }

    /** The type's word in the schema data files: text, integer, decimal, rate, date, time, sign or code. */
    public String dataName() {
        return dataName;
    }

    /** The type a schema data file names. */
    public static FieldType ofDataName(String name) {
        for (FieldType t : values()) {
            if (t.dataName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown realtime field type '" + name + "'");
    }

    /** Whether values stay text (text, sign, code). */
    public boolean isText() {
        return this == TEXT || this == SIGN || this == CODE;
    }

    public Object convert(String text) {
        if (text == null || text.isEmpty()) {
            return isText() ? text : null;
        }
        return switch (this) {
            case TEXT, SIGN, CODE -> text;
            case LONG -> parseLongOrNull(text);
            case DECIMAL, RATE -> parseDecimalOrNull(text);
            case TIME -> parseTimeOrNull(text);
            case DATE -> parseDateOrNull(text);
        };
    }

    /** Never a parse result: more than 19 characters are refused, so "-9223372036854775808" cannot get through. */
    private static final long NOT_A_LONG = Long.MIN_VALUE;

    /** Parses a signed decimal integer; {@code null} if it is not one (or overflows). */
    public static Long parseLongOrNull(String s) {
        long value = parseLong(s, NOT_A_LONG);
        return value == NOT_A_LONG ? null : value;
    }

    /**
     * Parses a signed decimal integer without allocating; {@code fallback} if it is not one (or overflows).
     * Hot path: no boxing.
     */
    public static long parseLong(String s, long fallback) {
        int len = s.length();
        if (len == 0 || len > 19) {
            return fallback;
        }
        int i = 0;
        boolean negative = false;
        char first = s.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
            if (len == 1) {
                return fallback;
            }
        }
        long value = 0;
        for (; i < len; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return fallback;
            }
            value = value * 10 + d;
        }
        // Only 19 unsigned digits can overflow; below 10^19 < 2^64 they wrap at most once, into the negatives.
        if (value < 0) {
            return fallback;
        }
        return negative ? -value : value;
    }

    static BigDecimal parseDecimalOrNull(String s) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalTime parseTimeOrNull(String s) {
        if (s.length() != 6) {
            return null;
        }
        long v = parseLong(s, -1);
        if (v < 0) {
            return null;
        }
        int h = (int) (v / 10000);
        int m = (int) (v / 100 % 100);
        int sec = (int) (v % 100);
        if (h > 23 || m > 59 || sec > 59) {
            return null;
        }
        return LocalTime.of(h, m, sec);
    }

    static LocalDate parseDateOrNull(String s) {
        if (s.length() != 8) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 4, 6, 10),
                    Integer.parseInt(s, 6, 8, 10));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }
}
