package io.kisbridge.core.realtime;

import java.util.regex.Pattern;

/**
 * What a listener watches. Syntax: {@code trade:CODE} (H0STCNT0), {@code book:CODE} (H0STASP0) and
 * {@code fills} (H0STCNI0 real / H0STCNI9 paper, registered with the HTS id). Many listeners of one
 * topic share one KIS registration.
 */
public record Topic(Kind kind, String code) {
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{6,7}");

    public enum Kind { TRADE, BOOK, FILLS }

    public static final Topic FILLS = new Topic(Kind.FILLS, "");

    public Topic {
        if (kind == Kind.FILLS) {
            code = "";
        } else if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("symbol must be 6-7 upper-case letters/digits (e.g. 005930), got: " + code);
        }
    }

    public static Topic trade(String code) {
        return new Topic(Kind.TRADE, code);
    }

    public static Topic book(String code) {
        return new Topic(Kind.BOOK, code);
    }

    /** Parses {@code trade:005930}, {@code book:005930} or {@code fills} (case-insensitive prefix). */
    public static Topic parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("topic is null");
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("fills")) {
            return FILLS;
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String prefix = t.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            String code = t.substring(colon + 1).trim().toUpperCase(java.util.Locale.ROOT);
            switch (prefix) {
                case "trade":
                    return trade(code);
                case "book":
                    return book(code);
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown topic '" + text + "'; use trade:CODE, book:CODE or fills");
    }

    /** The KIS TR ID of this topic in the given environment. */
    public String trId(boolean paper) {
        return switch (kind) {
            case TRADE -> RealtimeSchemas.TRADE_TR;
            case BOOK -> RealtimeSchemas.BOOK_TR;
            case FILLS -> paper ? RealtimeSchemas.NOTICE_TR_PAPER : RealtimeSchemas.NOTICE_TR_REAL;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TRADE -> "trade:" + code;
            case BOOK -> "book:" + code;
            case FILLS -> "fills";
        };
    }
}
