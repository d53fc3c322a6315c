package io.kisbridge.libreoffice.internal;

import com.sun.star.uno.Any;
import com.sun.star.uno.AnyConverter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Calc's arguments as the bridge's text arguments: a number as plain digits (71900, not 71900.0), a range as a
 * comma-separated list of its non-empty cells (KIS.QUOTES(A2:A20)), a left-out argument as null.
 */
public final class CalcArgs {
    private CalcArgs() {
    }

    /** Positional texts; trailing left-out arguments are dropped, inner ones become "" (the bridge's "left out"). */
    public static List<String> texts(Object[] args) {
        List<String> out = new ArrayList<>();
        for (Object a : args) {
            out.add(text(a));
        }
        while (!out.isEmpty() && out.get(out.size() - 1) == null) {
            out.remove(out.size() - 1);
        }
        out.replaceAll(s -> s == null ? "" : s);
        return out;
    }

    /** One argument as text, or null when it was left out or empty. */
    public static String text(Object a) {
        if (a instanceof Any any) {
            a = any.getObject();
        }
        if (a == null || AnyConverter.isVoid(a)) {
            return null;
        }
        if (a instanceof Object[][] range) {
            List<String> parts = new ArrayList<>();
            for (Object[] row : range) {
                for (Object cell : row) {
                    String s = text(cell);
                    if (s != null && !s.isEmpty()) {
                        parts.add(s);
                    }
                }
            }
            return parts.isEmpty() ? null : String.join(",", parts);
        }
        if (a instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15
                    ? Long.toString(d.longValue()) : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (a instanceof Number n) {
            return text(n.doubleValue());
        }
        if (a instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        String s = a.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
