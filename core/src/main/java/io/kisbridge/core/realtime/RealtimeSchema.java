package io.kisbridge.core.realtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The ordered field list of one realtime TR layout, with what the feed needs to name and route it: the topic
 * ({@code trade}, {@code book}, {@code index} ...), the market (KRX, NX, UN or empty), the kind of subscription
 * key and which field carries it, and the paper TR ID (null when paper trading does not offer the TR).
 * {@code layout} distinguishes versions of the same TR (H0STCNI0 has a current 26-field and an older 23-field
 * layout). Loaded from the schema data by {@link RealtimeSchemas}.
 */
public final class RealtimeSchema {

    /** What a TR is subscribed with. */
    public enum KeyKind {
        /** A 6-7 character symbol (005930, Q500001). */
        STOCK,
        /** A 4-digit index code (0001 KOSPI, 1001 KOSDAQ, 2001 KOSPI200). */
        INDEX,
        /** The HTS user id (execution notices). */
        HTS
    }

    /** The routing facts of a TR, shared by its layouts. */
    record Info(String paperTrId, String topic, String market, KeyKind keyKind, String keyField, String value,
            String title, String docId, String description) {
    }

    private final String trId;
    private final String layout;
    private final List<Field> fields;
    private final Map<String, Integer> indexByCode;
    private final Info info;
    private final int keyFieldIndex;
    private final Map<Object, Object> views = new ConcurrentHashMap<>();

    RealtimeSchema(String trId, String layout, List<Field> fields, Info info) {
        this.trId = trId;
        this.layout = layout;
        this.fields = List.copyOf(fields);
        this.info = info;
        this.indexByCode = new HashMap<>();
        for (int i = 0; i < this.fields.size(); i++) {
            Field f = this.fields.get(i);
            if (f.index() != i) {
                throw new IllegalArgumentException(trId + ": field " + f.code() + " declared at " + f.index() + ", listed at " + i);
            }
            if (indexByCode.put(f.code(), i) != null) {
                throw new IllegalArgumentException(trId + ": duplicate field " + f.code());
            }
        }
        this.keyFieldIndex = info.keyField() == null || info.keyField().isEmpty() ? -1 : indexOf(info.keyField());
    }

    public String trId() {
        return trId;
    }

    public String layout() {
        return layout;
    }

    public List<Field> fields() {
        return fields;
    }

    public int fieldCount() {
        return fields.size();
    }

    /** Index of the field with this KIS code (case-sensitive, upper case), or -1. */
    public int indexOf(String code) {
        Integer i = indexByCode.get(code);
        return i == null ? -1 : i;
    }

    /** Index of a field a typed view needs; a clear error naming the field and the TR when the layout lacks it. */
    public int require(String code) {
        int i = indexOf(code);
        if (i < 0) {
            throw new IllegalStateException("realtime TR " + trId + " (" + layout + " layout) has no field " + code);
        }
        return i;
    }

    /** Index of the first of these fields the layout has (twins name some fields differently); an error if none. */
    public int requireAny(String... codes) {
        for (String c : codes) {
            int i = indexOf(c);
            if (i >= 0) {
                return i;
            }
        }
        throw new IllegalStateException("realtime TR " + trId + " (" + layout + " layout) has none of the fields "
                + String.join(", ", codes));
    }

    /** The paper-trading TR ID, or null when paper trading does not offer this TR. */
    public String paperTrId() {
        return info.paperTrId();
    }

    /** The topic word: trade, book, expected, status, members, program, index, nav, fills ... */
    public String topic() {
        return info.topic();
    }

    /** KRX, NX, UN, or empty for TRs that are not per market (indices, NAV, fills). */
    public String market() {
        return info.market();
    }

    public KeyKind keyKind() {
        return info.keyKind();
    }

    /** Index of the field carrying the subscription key, or -1 when records do not carry it. */
    public int keyFieldIndex() {
        return keyFieldIndex;
    }

    /** What the feed publishes: trade, book, notice, or record (the record itself). */
    public String value() {
        return info.value();
    }

    /** KIS's title of the TR (Korean). */
    public String title() {
        return info.title();
    }

    /** KIS's document id (e.g. 실시간-003), or null where the sample repository gives none. */
    public String docId() {
        return info.docId();
    }

    /** Our one-line English description. */
    public String description() {
        return info.description();
    }

    Info info() {
        return info;
    }

    /**
     * A typed view's field indices, resolved once per layout by {@code resolver} and kept here (Trade, OrderBook
     * and ExecutionNotice read by position after that).
     */
    @SuppressWarnings("unchecked")
    <T> T view(Class<T> kind, Function<RealtimeSchema, T> resolver) {
        Object v = views.get(kind);
        if (v == null) {
            v = resolver.apply(this);
            views.putIfAbsent(kind, v);
        }
        return (T) v;
    }

    @Override
    public String toString() {
        return trId + "/" + layout + "(" + fields.size() + " fields)";
    }
}
