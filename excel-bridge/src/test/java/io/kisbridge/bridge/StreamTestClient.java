package io.kisbridge.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A {@code /v1/stream} test client over the JDK WebSocket, collecting every JSON message it is sent. */
final class StreamTestClient implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket ws;

    /** Connects to the fixture's bridge with the given header name/value pairs. */
    static StreamTestClient open(BridgeFixture f, String... headers) {
        StreamTestClient c = new StreamTestClient();
        WebSocket.Builder b = f.http.newWebSocketBuilder();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        c.ws = b.buildAsync(URI.create(f.url("/v1/stream").replace("http://", "ws://")), c).join();
        return c;
    }

    void send(String op, String topic) {
        ws.sendText("{\"op\":\"" + op + "\",\"topic\":\"" + topic + "\"}", true).join();
    }

    void subscribe(String topic) {
        send("subscribe", topic);
    }

    boolean has(Predicate<JsonNode> p) {
        return messages.stream().anyMatch(p);
    }

    /** The {@code data} of the topic's newest data message, or null before the first. */
    JsonNode data(String topic) {
        return messages.stream().filter(m -> topic.equals(m.path("topic").asText()) && m.has("data"))
                .reduce((a, b) -> b).map(m -> m.path("data")).orElse(null);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }
}
