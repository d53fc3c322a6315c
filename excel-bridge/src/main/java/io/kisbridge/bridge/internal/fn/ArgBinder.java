package io.kisbridge.bridge.internal.fn;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.CellFunction;
import io.kisbridge.bridge.FnArg;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a call's arguments to a function's signature: positional values in order, "Name=Value" strings (Bloomberg
 * style, e.g. {@code Per=W}) and named values by argument name or alias; empty values count as left out.
 * Values are checked and normalised (codes zero-padded, dates to YYYYMMDD, booleans to true/false).
 */
public final class ArgBinder {
    private static final Pattern OPTION = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)$", Pattern.DOTALL);
    /** A KRX short code: 6 characters (stocks, ETFs) or Q + 6 digits (ETNs). */
    public static final Pattern CODE = Pattern.compile("[0-9A-Z]{6}|Q[0-9]{6}");
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private ArgBinder() {
    }

    public static Map<String, String> bind(CellFunction fn, List<String> positional, Map<String, String> named) {
        Map<String, String> raw = new LinkedHashMap<>();
        int next = 0;
        for (String value : positional) {
            String v = value == null ? "" : value;
            Matcher m = OPTION.matcher(v);
            FnArg target = m.matches() ? find(fn, m.group(1)) : null;
            if (target != null) {
                put(fn, raw, target, m.group(2));
                continue;
            }
            while (next < fn.args().size() && raw.containsKey(fn.args().get(next).name())) {
                next++;
            }
            if (next >= fn.args().size()) {
                if (v.isBlank()) {
                    continue;
                }
                throw BridgeException.badInput(fn.name() + " takes at most " + fn.args().size() + " arguments ("
                        + signature(fn) + "); got an extra '" + v + "'");
            }
            raw.put(fn.args().get(next++).name(), v);
        }
        FnArg params = fn.args().stream().filter(a -> a.type() == FnArg.Type.PARAMS).findFirst().orElse(null);
        named.forEach((k, v) -> {
            FnArg a = find(fn, k);
            if (a == null && params != null) {
                // CALL: ?FID_INPUT_ISCD=005930 in a URL joins the params argument
                raw.merge(params.name(), k + "=" + v, (x, y) -> x.isBlank() ? y : x + ";" + y);
                return;
            }
            if (a == null) {
                throw BridgeException.badInput(fn.name() + " has no argument '" + k + "' (" + signature(fn) + ")");
            }
            put(fn, raw, a, v);
        });
        Map<String, String> bound = new LinkedHashMap<>();
        for (FnArg a : fn.args()) {
            String v = raw.get(a.name());
            if (v == null || v.isBlank()) {
                if (!a.optional()) {
                    throw BridgeException.badInput(fn.name() + " needs " + a.name() + " (" + signature(fn) + ")");
                }
                if (a.defaultValue() == null) {
                    continue;
                }
                v = a.defaultValue();
            }
            bound.put(a.name(), normalise(fn, a, v.strip()));
        }
        return bound;
    }

    public static String signature(CellFunction fn) {
        StringBuilder sb = new StringBuilder("KIS.").append(fn.name()).append('(');
        for (int i = 0; i < fn.args().size(); i++) {
            FnArg a = fn.args().get(i);
            sb.append(i == 0 ? "" : ", ").append(a.optional() ? "[" + a.name() + "]" : a.name());
        }
        return sb.append(')').toString();
    }

    private static void put(CellFunction fn, Map<String, String> raw, FnArg a, String v) {
        if (raw.put(a.name(), v) != null) {
            throw BridgeException.badInput(fn.name() + ": argument " + a.name() + " given twice");
        }
    }

    private static FnArg find(CellFunction fn, String key) {
        return fn.args().stream().filter(a -> a.answersTo(key)).findFirst().orElse(null);
    }

    static String normalise(CellFunction fn, FnArg a, String v) {
        return switch (a.type()) {
            case CODE -> code(fn, a, v);
            case CODES -> String.join(",", splitList(v).stream().map(c -> code(fn, a, c)).toList());
            case DATE -> date(fn, a, v);
            case TIME -> time(fn, a, v);
            case BOOL -> bool(fn, a, v);
            case NUMBER -> number(fn, a, v);
            default -> v;
        };
    }

    /** Splits "005930,000660" / "005930;000660" / "005930 000660" (a range joined by the add-in uses commas). */
    public static List<String> splitList(String v) {
        return java.util.Arrays.stream(v.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String code(CellFunction fn, FnArg a, String v) {
        String c = v.strip().toUpperCase(Locale.ROOT);
        if (c.matches("[0-9]{1,5}")) {
            c = "0".repeat(6 - c.length()) + c; // a number cell lost its leading zeros
        }
        if (c.startsWith("A") && c.length() == 7) {
            c = c.substring(1); // HTS style A005930
        }
        if (!CODE.matcher(c).matches()) {
            throw BridgeException.badInput(fn.name() + ": " + a.name() + " must be a 6-character stock code such as"
                    + " 005930; got '" + v + "'");
        }
        return c;
    }

    private static String date(CellFunction fn, FnArg a, String v) {
        String d = v.strip().replace("-", "").replace("/", "").replace(".", "");
        try {
            return LocalDate.parse(d, YMD).format(YMD);
        } catch (DateTimeParseException e) {
            throw BridgeException.badInput(fn.name() + ": " + a.name() + " must be a date YYYYMMDD or YYYY-MM-DD;"
                    + " got '" + v + "'");
        }
    }

    private static String time(CellFunction fn, FnArg a, String v) {
        String t = v.strip().replace(":", "");
        if (t.length() == 4) {
            t = t + "00";
        }
        try {
            return LocalTime.parse(t, DateTimeFormatter.ofPattern("HHmmss")).format(DateTimeFormatter.ofPattern("HHmmss"));
        } catch (DateTimeParseException e) {
            throw BridgeException.badInput(fn.name() + ": " + a.name() + " must be a time HHMMSS or HH:MM; got '"
                    + v + "'");
        }
    }

    private static String bool(CellFunction fn, FnArg a, String v) {
        return switch (v.strip().toUpperCase(Locale.ROOT)) {
            case "TRUE", "1", "Y", "YES" -> "true";
            case "FALSE", "0", "N", "NO" -> "false";
            default -> throw BridgeException.badInput(fn.name() + ": " + a.name() + " must be TRUE or FALSE; got '"
                    + v + "'");
        };
    }

    private static String number(CellFunction fn, FnArg a, String v) {
        try {
            return new java.math.BigDecimal(v.strip().replace(",", "")).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw BridgeException.badInput(fn.name() + ": " + a.name() + " must be a number; got '" + v + "'");
        }
    }
}
