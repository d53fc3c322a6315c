package io.kisbridge.bridge.internal.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.bridge.internal.http.Render;
import io.kisbridge.core.realtime.FeedStatus;
import io.kisbridge.core.realtime.Field;
import io.kisbridge.core.realtime.PolledPrice;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.RealtimeRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON texts of {@code /v1/stream} (excel-bridge/README.md): a topic event (data or status), a feed status, an
 * error. Public for the bench module's encoding benchmark; not an API.
 */
public final class StreamMessages {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> LOWER_CASE = new ConcurrentHashMap<>();

    private StreamMessages() {
    }

    /** {"topic":..,"data":{lower-case KIS field: value}} or {"topic":..,"status":..,"feed":..,"detail":..}. */
    public static String event(RealtimeEvent ev) {
        if (ev instanceof RealtimeEvent.Data d && d.record() != null) {
            return record(d.topic().toString(), d.record());
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("topic", ev.topic().toString());
        switch (ev) {
            case RealtimeEvent.Data d -> {
                // a trade topic served by REST polling: no record, only the price
                ObjectNode data = o.putObject("data");
                if (d.value() instanceof PolledPrice p) {
                    data.put("stck_prpr", p.price());
                }
                data.put("source", "rest-polling");
            }
            case RealtimeEvent.Dropped g -> {
                o.put("status", "dropped");
                o.put("count", g.count());
            }
            case RealtimeEvent.Status s -> {
                o.put("status", s.state() == null ? "unknown" : s.state().name().toLowerCase(Locale.ROOT));
                if (s.feed() != null) {
                    o.put("feed", s.feed().state().name().toLowerCase(Locale.ROOT));
                }
                o.put("detail", s.detail() == null ? "" : s.detail());
            }
        }
        return o.toString();
    }

    /**
     * A record streamed straight into the text (no tree, no map): field codes in lower case, values as
     * {@link Render#value} would give them (numbers unless they have leading zeros; codes and times stay text).
     */
    private static String record(String topic, RealtimeRecord r) {
        StringWriter w = new StringWriter(1024);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("topic", topic);
            g.writeObjectFieldStart("data");
            for (Field f : r.schema().fields()) {
                g.writeFieldName(LOWER_CASE.computeIfAbsent(f.code(), c -> c.toLowerCase(Locale.ROOT)));
                String v = r.text(f.index());
                if (v == null) {
                    g.writeNull();
                } else if (!Render.isPlainNumber(v)) {
                    g.writeString(v);
                } else if (v.indexOf('.') >= 0) {
                    g.writeNumber(new BigDecimal(v));
                } else {
                    g.writeNumber(Long.parseLong(v));
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** {"type":"feed","state":..,"detail":..,"attempt":n}. */
    public static String feed(FeedStatus s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", "feed");
        o.put("state", s.state().name().toLowerCase(Locale.ROOT));
        o.put("detail", s.detail() == null ? "" : s.detail());
        o.put("attempt", s.attempt());
        return o.toString();
    }

    /** {"type":"error","message":..}. */
    public static String error(String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", "error");
        o.put("message", message);
        return o.toString();
    }

    /** {"topic":..,"status":"dropped","count":n}: n records of the topic did not fit a socket's outbox. */
    static String dropped(String topic, long count) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("topic", topic);
        o.put("status", "dropped");
        o.put("count", count);
        return o.toString();
    }

    /** {"topic":..,"status":"unsubscribed"}. */
    static String unsubscribed(String topic) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("topic", topic);
        o.put("status", "unsubscribed");
        return o.toString();
    }
}
