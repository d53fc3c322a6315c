package io.kisbridge.simulator.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** KIS value formatting: everything is a string; 2-decimal rates, YYYYMMDD dates, HHMMSS times. */
public final class Fmt {
    public static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private Fmt() {}

    public static String date(LocalDate d) {
        return d.format(DATE);
    }

    public static String time(LocalTime t) {
        return t.format(TIME);
    }

    /** (num / den) × 100 with 2 decimals, "0.00" when den is 0. */
    public static String pct(long num, long den) {
        if (den == 0) return "0.00";
        return BigDecimal.valueOf(num).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(den), 2, RoundingMode.HALF_UP).toPlainString();
    }

    public static String ratio(long num, long den) {
        if (den == 0) return "0.00";
        return BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den), 2, RoundingMode.HALF_UP).toPlainString();
    }

    public static String dec2(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public static String dec4(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    public static String sign(long price, long base, long upper, long lower) {
        if (price >= upper && upper > 0) return "1";
        if (price <= lower && lower > 0) return "4";
        if (price > base) return "2";
        if (price < base) return "5";
        return "3";
    }

    /** Sign of a plain difference: 2 up, 3 flat, 5 down. */
    public static String diffSign(long diff) {
        return diff > 0 ? "2" : diff < 0 ? "5" : "3";
    }

    public static String zeroPad(long v, int width) {
        return String.format("%0" + width + "d", v);
    }

    public static String padRight(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) b.append(' ');
        return b.toString();
    }
}
