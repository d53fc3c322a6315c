package io.kisbridge.core.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Parsing of KIS's string-typed numbers, dates (YYYYMMDD) and times (HHMMSS). */
public final class Numbers {
    public static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private Numbers() {
    }

    public static long toLong(String s) {
        BigDecimal d = toDecimal(s);
        return d.longValue();
    }

    public static BigDecimal toDecimal(String s) {
        if (s == null) {
            return BigDecimal.ZERO;
        }
        String t = s.strip().replace(",", "");
        if (t.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    public static LocalDate toDate(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.strip(), DATE);
    }

    public static LocalTime toTime(String s) {
        return s == null || s.isBlank() ? null : LocalTime.parse(s.strip(), TIME);
    }
}
