package io.kisbridge.simulator.ws;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.WebSocketPingPongListener;
import org.eclipse.jetty.websocket.api.WriteCallback;

/**
 * One client connection. Jetty calls the listener methods; state changes go through the gateway, which
 * holds the cross-session rules (one session per app key, counters).
 */
final class WsSession implements WebSocketListener, WebSocketPingPongListener {
    private final WebSocketGateway gateway;
    private volatile Session session;

    /** Guarded by this. Insertion order = registration order. */
    private final Map<String, Registration> registrations = new LinkedHashMap<>();
    /** Guarded by this: H0STCNT0 records waiting for the next batch flush. */
    private final List<String> pendingTrades = new ArrayList<>();
    private String appKey;
    /** PINGPONGs sent since the last answer (text echo or pong frame). */
    private final java.util.concurrent.atomic.AtomicInteger unansweredPings = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    WsSession(WebSocketGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void onWebSocketConnect(Session s) {
        this.session = s;
        gateway.opened(this);
    }

    @Override
    public void onWebSocketText(String message) {
        gateway.onText(this, message);
    }

    /**
     * Answers a ping frame with a pong carrying the same payload (RFC 6455 §5.5.3). Implementing this listener turns
     * Jetty's automatic pong off, so it has to be done here: clients with a keepalive (websockets' 20-s ping) drop a
     * connection whose pings go unanswered.
     */
    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        Session s = session;
        if (s == null || !s.isOpen() || closed || !gateway.answersPings()) {
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
        copy.put(payload.slice()).flip(); // Jetty reuses the frame's buffer once this returns
        s.getRemote().sendPong(copy, WriteCallback.NOOP);
        gateway.pingAnswered();
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        gateway.answeredPing(this);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        gateway.closed(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        gateway.closed(this);
    }

    void send(String text) {
        Session s = session;
        if (s != null && s.isOpen() && !closed) {
            s.getRemote().sendString(text, WriteCallback.NOOP);
        }
    }

    void disconnect() {
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
    }

    void close(int code, String reason) {
        Session s = session;
        if (s != null) {
            s.close(code, reason);
        }
    }

    /** Marks closed; returns the registration count it held (once; later calls return -1). */
    synchronized int markClosed() {
        if (closed) {
            return -1;
        }
        closed = true;
        int n = registrations.size();
        registrations.clear();
        pendingTrades.clear();
        return n;
    }

    boolean isClosed() {
        return closed;
    }

    synchronized String appKey() {
        return appKey;
    }

    synchronized void bindAppKey(String key) {
        this.appKey = key;
    }

    synchronized Registration registration(String trId, String trKey) {
        return registrations.get(trId + "|" + trKey);
    }

    /** A copy of the registrations, in registration order. */
    synchronized java.util.List<Registration> registrations() {
        return java.util.List.copyOf(registrations.values());
    }

    synchronized int registrationCount() {
        return registrations.size();
    }

    synchronized void register(Registration r) {
        registrations.put(r.trId() + "|" + r.trKey(), r);
    }

    synchronized boolean unregister(String trId, String trKey) {
        return registrations.remove(trId + "|" + trKey) != null;
    }

    synchronized void queueTrade(String record) {
        if (!closed) {
            pendingTrades.add(record);
        }
    }

    synchronized List<String> drainTrades() {
        if (pendingTrades.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(pendingTrades);
        pendingTrades.clear();
        return out;
    }

    /** Counts one more PINGPONG sent; returns how many were already unanswered before it. */
    int pingSent() {
        return unansweredPings.getAndIncrement();
    }

    int unansweredPings() {
        return unansweredPings.get();
    }

    void answered() {
        unansweredPings.set(0);
    }
}
