package io.kisbridge.bench.internal;

import java.net.URI;
import java.util.function.Consumer;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One {@code /v1/stream} client (Java-WebSocket: a reading thread of its own, like a separate browser tab would
 * have). Every text message goes to the handler on that thread, after {@code System.nanoTime()} is read.
 */
public final class StreamClient extends WebSocketClient implements StreamConnection {
    private final Handler handler;
    private final Consumer<String> onClose;
    private volatile Thread readThread;

    public StreamClient(String url, Handler handler, Consumer<String> onClose) {
        super(URI.create(url));
        this.handler = handler;
        this.onClose = onClose;
        setConnectionLostTimeout(0);
    }

    @Override
    public void subscribe(String topic, boolean conflate) {
        send(StreamConnection.subscribeMessage(topic, conflate));
    }

    @Override
    public void disconnect() throws InterruptedException {
        closeBlocking();
    }

    /** The thread that reads this socket and calls the handler (known once the socket is open), or null. */
    public Thread readThread() {
        return readThread;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        readThread = Thread.currentThread(); // Java-WebSocket opens on the socket's reading thread
    }

    @Override
    public void onMessage(String message) {
        handler.onMessage(message, System.nanoTime());
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        onClose.accept(code + " " + reason);
    }

    @Override
    public void onError(Exception ex) {
        onClose.accept("error " + ex);
    }

    /** The value after {@code "name":} in a flat JSON text (a number or a quoted string), or null. */
    public static String field(String json, String name) {
        String key = "\"" + name + "\":";
        int i = json.indexOf(key);
        if (i < 0) {
            return null;
        }
        int from = i + key.length();
        if (from < json.length() && json.charAt(from) == '"') {
            int end = json.indexOf('"', from + 1);
            return end < 0 ? null : json.substring(from + 1, end);
        }
        int end = from;
        while (end < json.length() && ",}".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        return json.substring(from, end);
    }
}
