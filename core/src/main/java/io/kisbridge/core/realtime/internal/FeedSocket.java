package io.kisbridge.core.realtime.internal;

import io.kisbridge.core.realtime.RealtimeFeed;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection attempt; its {@link #generation} lets the feed ignore callbacks from a stale attempt.
 *
 * <p>Keepalive is Java-WebSocket's lost-connection check: every {@code keepAliveSeconds} it sends a ping frame, and a
 * connection that has not answered with a pong for 1.5 times that is closed (abnormal closure, 1006), which the feed
 * treats as any drop: reconnect and restore every subscription. Pings from the server are answered with a pong
 * carrying the same payload by the library.
 */
public final class FeedSocket extends WebSocketClient {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeFeed.class);

    /** Callbacks on the socket's thread. */
    public interface Handler {
        void opened(FeedSocket socket);

        void message(String text);

        void closed(FeedSocket socket, int code, String reason);
    }

    private final long generation;
    private final String approvalKey;
    private final ControlCodec codec;
    private final Handler handler;
    private final AtomicLong malformedFrames;

    public FeedSocket(URI uri, long generation, String approvalKey, ControlCodec codec, Handler handler,
            AtomicLong malformedFrames, int keepAliveSeconds) {
        super(uri);
        this.generation = generation;
        this.approvalKey = approvalKey;
        this.codec = codec;
        this.handler = handler;
        this.malformedFrames = malformedFrames;
        setConnectionLostTimeout(keepAliveSeconds);
    }

    public long generation() {
        return generation;
    }

    /** Sends a subscribe/unsubscribe request; a failed send is left to the reconnect, which resends everything. */
    public void sendRequest(String trType, String trId, String trKey) {
        String request = codec.request(approvalKey, trType, trId, trKey);
        try {
            send(request);
        } catch (RuntimeException e) {
            LOG.debug("realtime: send failed ({}); the reconnect will resend", e.getClass().getSimpleName());
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        handler.opened(this);
    }

    @Override
    public void onMessage(String message) {
        try {
            handler.message(message);
        } catch (RuntimeException e) {
            malformedFrames.incrementAndGet();
            LOG.warn("realtime: message handling failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        handler.closed(this, code, reason);
    }

    @Override
    public void onError(Exception ex) {
        LOG.debug("realtime: socket error {}", ex.getClass().getSimpleName());
    }

    @Override
    public String toString() {
        return "Socket[" + generation + "]";
    }
}
