package io.kisbridge.core.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every domestic realtime TR's field layout, loaded once from the schema data under
 * {@code io/kisbridge/core/realtime/schemas/} (one JSON file per TR, produced by catalog-import's
 * RealtimeImporter from KIS's sample repository and our curation). Every parser, typed record, topic and
 * name→value map is driven by these lists.
 */
public final class RealtimeSchemas {
    public static final String TRADE_TR = "H0STCNT0";
    public static final String BOOK_TR = "H0STASP0";
    public static final String NOTICE_TR_REAL = "H0STCNI0";
    public static final String NOTICE_TR_PAPER = "H0STCNI9";
    static final String RESOURCE_DIR = "/io/kisbridge/core/realtime/schemas/";

    private static final List<RealtimeSchema> ALL;
    /** Real and paper TR IDs → current layout. */
    private static final Map<String, RealtimeSchema> BY_TR = new HashMap<>();
    /** TR ID → older layouts by field count. */
    private static final Map<String, Map<Integer, RealtimeSchema>> OLDER = new HashMap<>();
    /** "topic" or "topic@MARKET" → layout. */
    private static final Map<String, RealtimeSchema> BY_TOPIC = new LinkedHashMap<>();

    static {
        ObjectMapper json = new ObjectMapper();
        List<RealtimeSchema> all = new ArrayList<>();
        for (JsonNode id : read(json, "index.json").path("trIds")) {
            JsonNode tr = read(json, id.asText() + ".json");
            RealtimeSchema schema = load(tr);
            all.add(schema);
            BY_TR.put(schema.trId(), schema);
            if (schema.paperTrId() != null) {
                BY_TR.put(schema.paperTrId(), schema);
            }
            if (BY_TOPIC.put(topicKey(schema.topic(), schema.market()), schema) != null) {
                throw new IllegalStateException("two realtime TRs share topic " + topicKey(schema.topic(), schema.market()));
            }
            Map<Integer, RealtimeSchema> older = new HashMap<>();
            for (JsonNode l : tr.path("layouts")) {
                RealtimeSchema layout = new RealtimeSchema(schema.trId(), l.path("name").asText(), fields(l.path("fields")), schema.info());
                older.put(layout.fieldCount(), layout);
            }
            if (!older.isEmpty()) {
                OLDER.put(schema.trId(), older);
            }
        }
        ALL = List.copyOf(all);
    }

    /** 국내주식 실시간체결가 (KRX) [실시간-003], 46 fields. */
    public static final RealtimeSchema H0STCNT0 = BY_TR.get(TRADE_TR);
    /** 국내주식 실시간호가 (KRX) [실시간-004], 59 fields. */
    public static final RealtimeSchema H0STASP0 = BY_TR.get(BOOK_TR);
    /** 국내주식 실시간체결통보 [실시간-005], current 26-field layout (H0STCNI0 real, H0STCNI9 paper). */
    public static final RealtimeSchema H0STCNI0 = BY_TR.get(NOTICE_TR_REAL);
    /** The older 23-field execution-notice layout (used by the reference's decrypted sample strings). */
    public static final RealtimeSchema H0STCNI0_LEGACY = OLDER.get(NOTICE_TR_REAL).get(23);

    private RealtimeSchemas() {
    }

    /** Every TR's current layout, in the data's order. */
    public static List<RealtimeSchema> all() {
        return ALL;
    }

    /** The current layout of a TR ID (real or paper), if known. H0STCNI9 (paper) shares H0STCNI0's layout. */
    public static Optional<RealtimeSchema> forTrId(String trId) {
        return Optional.ofNullable(BY_TR.get(trId));
    }

    /** Same as {@link #forTrId} but null when unknown (hot path). */
    public static RealtimeSchema lookup(String trId) {
        return BY_TR.get(trId);
    }

    /** The TR of a topic word and market (KRX, NX, UN, or empty for TRs without one). */
    public static Optional<RealtimeSchema> forTopic(String topic, String market) {
        return Optional.ofNullable(BY_TOPIC.get(topicKey(topic, market)));
    }

    /** Every TR ID a frame may carry: each TR's real and paper IDs, the trade and book TRs first (hot path order). */
    static List<String> frameTrIds() {
        List<String> ids = new ArrayList<>(List.of(TRADE_TR, BOOK_TR));
        for (RealtimeSchema s : ALL) {
            for (String id : new String[] {s.trId(), s.paperTrId()}) {
                if (id != null && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /**
     * The layout to use for a record of {@code fieldCount} values: the current one, or an older
     * layout of the same TR with exactly that many fields (H0STCNI0 with 23 fields).
     */
    public static RealtimeSchema layoutFor(RealtimeSchema current, int fieldCount) {
        if (fieldCount == current.fieldCount()) {
            return current;
        }
        Map<Integer, RealtimeSchema> older = OLDER.get(current.trId());
        RealtimeSchema layout = older == null ? null : older.get(fieldCount);
        return layout == null ? current : layout;
    }

    public static boolean isExecutionNotice(String trId) {
        return NOTICE_TR_REAL.equals(trId) || NOTICE_TR_PAPER.equals(trId);
    }

    private static String topicKey(String topic, String market) {
        return market == null || market.isEmpty() ? topic : topic + "@" + market;
    }

    private static RealtimeSchema load(JsonNode tr) {
        String trId = tr.path("trId").asText();
        RealtimeSchema.Info info = new RealtimeSchema.Info(
                tr.path("paperTrId").isNull() ? null : tr.path("paperTrId").asText(),
                tr.path("topic").asText(),
                tr.path("market").asText(""),
                RealtimeSchema.KeyKind.valueOf(tr.path("key").asText().toUpperCase(Locale.ROOT)),
                tr.path("keyField").asText(""),
                tr.path("value").asText("record"),
                tr.path("title").asText(),
                tr.path("docId").isNull() ? null : tr.path("docId").asText(),
                tr.path("description").asText(null));
        return new RealtimeSchema(trId, "current", fields(tr.path("fields")), info);
    }

    private static List<Field> fields(JsonNode array) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : array) {
            String name = f.path("name").asText(null);
            String description = f.path("description").asText(null);
            fields.add(new Field(fields.size(), f.path("code").asText(), description != null ? description : name,
                    FieldType.ofDataName(f.path("type").asText()), name, f.path("alias").asText(null)));
        }
        return fields;
    }

    private static JsonNode read(ObjectMapper json, String name) {
        try (InputStream in = RealtimeSchemas.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("realtime schema data " + RESOURCE_DIR + name + " is missing from the class path");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read realtime schema data " + name, e);
        }
    }
}
