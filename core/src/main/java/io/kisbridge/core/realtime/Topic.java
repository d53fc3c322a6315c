package io.kisbridge.core.realtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a listener watches: a topic word, a key and a market, naming one realtime TR of
 * {@link RealtimeSchemas}. Syntax {@code word:KEY[@MARKET]}: {@code trade:005930} (KRX trades, H0STCNT0),
 * {@code trade:005930@NX} (NXT, H0NXCNT0), {@code trade:005930@UN} (integrated, H0UNCNT0), {@code book:…},
 * {@code expected:…}, {@code status:…}, {@code members:…}, {@code program:…}, {@code after-trade:…},
 * {@code index:0001}, {@code nav:069500} and {@code fills} (H0STCNI0 real / H0STCNI9 paper, registered with
 * the HTS id). The words and markets are those of the schema data; README's topic table lists them. Many
 * listeners of one topic share one KIS registration.
 *
 * <p>A value: equal name, code and market are the same topic. Immutable.
 */
public final class Topic {
    private static final Pattern STOCK = Pattern.compile("[0-9A-Z]{6,7}");
    private static final Pattern INDEX = Pattern.compile("[0-9]{4}");

    /** The value a topic's events carry. */
    public enum Kind {
        /** {@link Trade} values (trade topics of every market). */
        TRADE,
        /** {@link OrderBook} values. */
        BOOK,
        /** {@link ExecutionNotice} values. */
        FILLS,
        /** The {@link RealtimeRecord} itself (every other TR). */
        RECORD
    }

    private final String name;
    private final String code;
    private final String market;
    /** Resolved once: the hot path (routing, rendering) asks for both per record. */
    private final RealtimeSchema schema;
    private final String text;
    private final Kind kind;

    public static final Topic FILLS = new Topic("fills", "", "");

    /**
     * @param name the topic word (trade, book, index, fills ...)
     * @param code the symbol or index code; ignored for fills
     * @param market KRX, NX or UN for TRs per market; empty for the others
     */
    public Topic(String name, String code, String market) {
        if (name == null || market == null) {
            throw new IllegalArgumentException("topic name and market must not be null");
        }
        RealtimeSchema s = RealtimeSchemas.forTopic(name, market).orElse(null);
        if (s == null) {
            throw new IllegalArgumentException(marketsOf(name).isEmpty()
                    ? "unknown topic '" + name + "'; use " + String.join(", ", syntaxes())
                    : "topic " + name + " takes " + (hasMarkets(name) ? "the markets " + marketsOf(name) : "no market")
                            + ", not '" + market + "'");
        }
        switch (s.keyKind()) {
            case HTS -> code = "";
            case INDEX -> {
                if (code == null || !INDEX.matcher(code).matches()) {
                    throw new IllegalArgumentException(name + " needs a 4-digit index code (0001 KOSPI, 1001 KOSDAQ, 2001 KOSPI200), got: " + code);
                }
            }
            case STOCK -> {
                if (code == null || !STOCK.matcher(code).matches()) {
                    throw new IllegalArgumentException("symbol must be 6-7 upper-case letters/digits (e.g. 005930), got: " + code);
                }
            }
        }
        this.name = name;
        this.code = code;
        this.market = market;
        this.schema = s;
        this.kind = switch (s.value()) {
            case "trade" -> Kind.TRADE;
            case "book" -> Kind.BOOK;
            case "notice" -> Kind.FILLS;
            default -> Kind.RECORD;
        };
        this.text = s.keyKind() == RealtimeSchema.KeyKind.HTS ? name
                : name + ":" + code + (market.isEmpty() || market.equals("KRX") ? "" : "@" + market);
    }

    public String name() {
        return name;
    }

    public String code() {
        return code;
    }

    public String market() {
        return market;
    }

    public static Topic trade(String code) {
        return new Topic("trade", code, "KRX");
    }

    public static Topic book(String code) {
        return new Topic("book", code, "KRX");
    }

    /**
     * Parses {@code word:KEY}, {@code word:KEY@MARKET} or {@code fills} (case-insensitive). The market is KRX,
     * NX/NXT or UN (integrated); it defaults to KRX for TRs offered per market.
     */
    public static Topic parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("topic is null");
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("fills")) {
            return FILLS;
        }
        int colon = t.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("unknown topic '" + text + "'; use " + String.join(", ", syntaxes()));
        }
        String name = t.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String rest = t.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
        String market = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            market = canonicalMarket(rest.substring(at + 1).trim());
            rest = rest.substring(0, at).trim();
        } else if (hasMarkets(name)) {
            market = "KRX";
        }
        return new Topic(name, rest, market);
    }

    private static String canonicalMarket(String m) {
        return switch (m) {
            case "KRX", "J" -> "KRX";
            case "NX", "NXT" -> "NX";
            case "UN", "INTEGRATED" -> "UN";
            default -> throw new IllegalArgumentException("unknown market '" + m + "'; use KRX, NX (NXT) or UN (integrated)");
        };
    }

    private static boolean hasMarkets(String name) {
        return RealtimeSchemas.all().stream().anyMatch(s -> s.topic().equals(name) && !s.market().isEmpty());
    }

    private static List<String> marketsOf(String name) {
        List<String> markets = new ArrayList<>();
        RealtimeSchemas.all().stream().filter(s -> s.topic().equals(name)).forEach(s -> markets.add(s.market()));
        return markets;
    }

    /** One syntax line per topic word, for messages: trade:CODE[@NX|@UN], index:CODE, fills ... */
    public static List<String> syntaxes() {
        Set<String> out = new LinkedHashSet<>();
        for (RealtimeSchema s : RealtimeSchemas.all()) {
            out.add(syntax(s.topic()));
        }
        return List.copyOf(out);
    }

    private static String syntax(String name) {
        RealtimeSchema any = RealtimeSchemas.all().stream().filter(s -> s.topic().equals(name)).findFirst().orElseThrow();
        String key = switch (any.keyKind()) {
            case HTS -> "";
            case INDEX -> ":INDEX";
            case STOCK -> ":CODE";
        };
        List<String> others = marketsOf(name).stream().filter(m -> !m.isEmpty() && !m.equals("KRX")).map(m -> "@" + m).toList();
        return name + key + (others.isEmpty() ? "" : "[" + String.join("|", others) + "]");
    }

    /** The realtime TR this topic subscribes. */
    public RealtimeSchema schema() {
        return schema;
    }

    /** What this topic's events carry. */
    public Kind kind() {
        return kind;
    }

    /**
     * The KIS TR ID of this topic in the given environment; an {@link IllegalArgumentException} naming the topic
     * when paper trading does not offer it.
     */
    public String trId(boolean paper) {
        RealtimeSchema s = schema();
        if (!paper) {
            return s.trId();
        }
        if (s.paperTrId() == null) {
            throw new IllegalArgumentException(this + " (" + s.trId() + ") is not offered in paper trading");
        }
        return s.paperTrId();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Topic t && t.name.equals(name) && t.code.equals(code) && t.market.equals(market);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
