package io.kisbridge.simulator.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A test client on the JDK's own WebSocket implementation (neither Jetty nor Java-WebSocket), recording every
 * text message. PINGPONG handling is chosen per client: ignore, echo as text, or answer with a pong frame.
 */
final class TestWsClient implements AutoCloseable {
    enum PingMode { SILENT, ECHO_TEXT, PONG_FRAME }

    static final ObjectMapper JSON = new ObjectMapper();

    final List<String> messages = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private final PingMode pingMode;
    private volatile boolean closed;
    private final StringBuilder partial = new StringBuilder();

    TestWsClient(String url, PingMode pingMode) throws Exception {
        this.pingMode = pingMode;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        synchronized (partial) {
                            partial.append(data);
                            if (last) {
                                onMessage(ws, partial.toString());
                                partial.setLength(0);
                            }
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        closed = true;
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed = true;
                    }
                })
                .get(5, TimeUnit.SECONDS);
    }

    private void onMessage(WebSocket ws, String text) {
        messages.add(text);
        if (text.contains("\"PINGPONG\"")) {
            if (pingMode == PingMode.ECHO_TEXT) {
                ws.sendText(text, true);
            } else if (pingMode == PingMode.PONG_FRAME) {
                ws.sendPong(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void request(String approvalKey, String trType, String trId, String trKey) {
        send("{\"header\":{\"approval_key\":\"" + approvalKey + "\",\"custtype\":\"P\",\"tr_type\":\"" + trType
                + "\",\"content-type\":\"utf-8\"},\"body\":{\"input\":{\"tr_id\":\"" + trId + "\",\"tr_key\":\"" + trKey
                + "\"}}}");
    }

    /** Waits for the first message matching, then returns it. */
    String await(Predicate<String> matching) {
        return Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> messages.stream().filter(matching).findFirst().orElse(null), m -> m != null);
    }

    /** Waits for the first control message with this msg_cd. */
    JsonNode awaitControl(String msgCd) {
        String m = await(t -> t.startsWith("{") && t.contains("\"" + msgCd + "\""));
        try {
            return JSON.readTree(m);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
