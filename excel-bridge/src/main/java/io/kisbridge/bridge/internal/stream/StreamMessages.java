package io.kisbridge.bridge.internal.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.bridge.internal.http.Render;
import io.kisbridge.core.realtime.FeedStatus;
import io.kisbridge.core.realtime.RealtimeEvent;
import java.util.Locale;

/**
 * The JSON texts of {@code /v1/stream} (excel-bridge/README.md): a topic event (data or status), a feed status, an
 * error. Public for the bench module's encoding benchmark; not an API.
 */
public final class StreamMessages {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StreamMessages() {
    }

    /** {"topic":..,"data":{lower-case KIS field: value}} or {"topic":..,"status":..,"feed":..,"detail":..}. */
    public static String event(RealtimeEvent ev) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("topic", ev.topic().toString());
        switch (ev) {
            case RealtimeEvent.Data d -> {
                ObjectNode data = o.putObject("data");
                if (d.record() != null) {
                    d.record().toTextMap().forEach((k, v) -> data.set(k.toLowerCase(Locale.ROOT), Render.value(v)));
                } else {
                    data.set("stck_prpr", MAPPER.valueToTree(d.value()).path("price"));
                    data.put("source", "rest-polling");
                }
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

    /** {"topic":..,"status":"unsubscribed"}. */
    static String unsubscribed(String topic) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("topic", topic);
        o.put("status", "unsubscribed");
        return o.toString();
    }
}
