package io.kisbridge.bridge.internal.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.ScriptBoard;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@code script:NAME} topics of /v1/stream: every publication of NAME on the {@link ScriptBoard} as
 * {@code {"topic":"script:NAME","data":{"value":..,"source":"run-1","at":"2026-...Z"}}}. A new subscriber gets the
 * latest value right after {@code "status":"subscribed"}, so a cell shows something before the next publication.
 */
final class ScriptTopics implements AutoCloseable {
    static final String PREFIX = "script:";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ScriptBoard board;
    /** session id → topic → board subscription. */
    private final Map<String, Map<String, AutoCloseable>> bySession = new ConcurrentHashMap<>();

    ScriptTopics(ScriptBoard board) {
        this.board = board;
    }

    static boolean isScriptTopic(String topic) {
        return topic.startsWith(PREFIX);
    }

    /** Handles subscribe/unsubscribe of a script topic for one socket; answers go to {@code send}. */
    void onMessage(String sessionId, String op, String topic, Consumer<String> send) {
        String name = topic.substring(PREFIX.length());
        try {
            ScriptBoard.checkName(name);
        } catch (BridgeException e) {
            send.accept(status(topic, "error", e.getMessage()));
            return;
        }
        Map<String, AutoCloseable> mine = bySession.computeIfAbsent(sessionId, s -> new ConcurrentHashMap<>());
        switch (op) {
            case "subscribe" -> {
                if (mine.containsKey(topic)) {
                    return;
                }
                mine.put(topic, board.subscribe(name, p -> send.accept(data(topic, p))));
                send.accept(status(topic, "subscribed", ""));
                board.latest(name).ifPresent(p -> send.accept(data(topic, p)));
            }
            case "unsubscribe" -> {
                StreamHub.closeQuietly(mine.remove(topic));
                send.accept(status(topic, "unsubscribed", ""));
            }
            default -> send.accept(status(topic, "error", "op must be subscribe or unsubscribe"));
        }
    }

    /** The socket closed: drop its topics. */
    void release(String sessionId) {
        Map<String, AutoCloseable> mine = bySession.remove(sessionId);
        if (mine != null) {
            mine.values().forEach(StreamHub::closeQuietly);
        }
    }

    private static String data(String topic, ScriptBoard.Publication p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("topic", topic);
        ObjectNode d = o.putObject("data");
        d.set("value", MAPPER.valueToTree(p.value()));
        d.put("source", p.source());
        d.put("at", p.at().toString());
        return o.toString();
    }

    private static String status(String topic, String status, String detail) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("topic", topic);
        o.put("status", status);
        o.put("detail", detail);
        return o.toString();
    }

    @Override
    public void close() {
        bySession.keySet().forEach(this::release);
    }
}
