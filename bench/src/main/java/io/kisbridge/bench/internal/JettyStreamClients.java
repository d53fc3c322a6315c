package io.kisbridge.bench.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.http.HttpClientTransportOverHTTP;
import org.eclipse.jetty.util.Jetty;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.websocket.api.Frame;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WebSocketFrameListener;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Jetty's WebSocket client (the Jetty the bridge runs on): every socket is read by one selector thread and its
 * messages handled on a small fixed pool ({@code threads} + the selector), all named {@code bench-ws-client-*} in one
 * thread group so the driver can tell the clients' CPU from the bridge's. The time taken is when the last frame of a
 * text message has arrived.
 */
public final class JettyStreamClients implements StreamClients {
    private static final String NAME = "bench-ws-client";
    private final int threads;
    private final int selectors;
    private final ThreadGroup group = new ThreadGroup(NAME);
    private final HttpClient http;
    private final WebSocketClient client;
    private int sockets;

    JettyStreamClients(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("client threads must be at least 1; got " + threads);
        }
        this.threads = threads;
        this.selectors = 1;
        int poolSize = threads + selectors;
        // No reserved threads: Jetty would keep one of the few idle, waiting to take over selecting, and a message
        // handler may block, so the selector hands each socket's read to a pool thread: all `threads` must be free
        QueuedThreadPool pool = new QueuedThreadPool(poolSize, poolSize, 60_000, 0, null, group);
        pool.setName(NAME);
        pool.setDaemon(true);
        http = new HttpClient(new HttpClientTransportOverHTTP(selectors));
        http.setExecutor(pool);
        http.setScheduler(new ScheduledExecutorScheduler(NAME + "-scheduler", true, null, group));
        client = new WebSocketClient(http);
        // the bench's sockets are quiet between runs; the bridge, not an idle timer, decides when they end
        client.setIdleTimeout(Duration.ZERO);
        try {
            http.start();
            client.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot start Jetty's WebSocket client: " + e, e);
        }
    }

    @Override
    public StreamConnection connect(String url, StreamConnection.Handler handler, Consumer<String> onClose)
            throws InterruptedException {
        Endpoint endpoint = new Endpoint(handler, onClose);
        try {
            Session session = client.connect(endpoint, URI.create(url)).get(10, TimeUnit.SECONDS);
            sockets++;
            return new Connection(session, endpoint);
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new IllegalStateException("cannot connect to " + url + ": " + e, e);
        }
    }

    @Override
    public boolean isClientThread(long threadId) {
        Thread[] live = new Thread[group.activeCount() + 4];
        int n = group.enumerate(live);
        for (int i = 0; i < n; i++) {
            if (live[i].threadId() == threadId) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "jetty (Jetty " + Jetty.VERSION + " WebSocketClient, " + sockets
                + " sockets on one HttpClient: " + (threads + selectors) + " pool threads, " + selectors
                + " of them selecting)";
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // closing anyway
        }
        try {
            http.stop();
        } catch (Exception e) {
            // closing anyway
        }
    }

    private record Connection(Session session, Endpoint endpoint) implements StreamConnection {
        @Override
        public void subscribe(String topic, boolean conflate) {
            try {
                session.getRemote().sendString(StreamConnection.subscribeMessage(topic, conflate));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot subscribe to " + topic, e);
            }
        }

        @Override
        public void disconnect() throws InterruptedException {
            session.close(StatusCode.NORMAL, "");
            endpoint.closed.await(2, TimeUnit.SECONDS);
        }
    }

    /**
     * Takes text messages as frames and decodes them with the JDK ({@code new String(bytes, UTF_8)}, malformed input
     * becomes U+FFFD) rather than with Jetty 11's own decoder ({@code onWebSocketText}), whose byte-at-a-time UTF-8
     * validation was three quarters of the clients' CPU at 1 k trades/s × 100 clients. Jetty still parses and checks
     * the frames and answers pings and the close handshake.
     */
    private static final class Endpoint implements WebSocketFrameListener {
        private final StreamConnection.Handler handler;
        private final Consumer<String> onClose;
        private final ByteArrayOutputStream parts = new ByteArrayOutputStream();
        private boolean inText;
        final CountDownLatch closed = new CountDownLatch(1);

        Endpoint(StreamConnection.Handler handler, Consumer<String> onClose) {
            this.handler = handler;
            this.onClose = onClose;
        }

        @Override
        public void onWebSocketFrame(Frame frame) {
            switch (frame.getType()) {
                case TEXT -> {
                    if (frame.isFin()) {
                        long received = System.nanoTime();
                        handler.onMessage(text(frame.getPayload()), received);
                    } else {
                        inText = true;
                        append(frame.getPayload());
                    }
                }
                case CONTINUATION -> {
                    if (inText) {
                        append(frame.getPayload());
                        if (frame.isFin()) {
                            long received = System.nanoTime();
                            inText = false;
                            String text = parts.toString(StandardCharsets.UTF_8);
                            parts.reset();
                            handler.onMessage(text, received);
                        }
                    }
                }
                default -> {
                    // binary, ping, pong, close: Jetty answers what needs answering
                }
            }
        }

        private static String text(ByteBuffer payload) {
            if (payload == null) {
                return "";
            }
            ByteBuffer b = payload.slice();
            if (b.hasArray()) {
                return new String(b.array(), b.arrayOffset(), b.remaining(), StandardCharsets.UTF_8);
            }
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private void append(ByteBuffer payload) {
            if (payload != null) {
                ByteBuffer b = payload.slice();
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                parts.writeBytes(bytes);
            }
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            onClose.accept(statusCode + " " + reason);
            closed.countDown();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            onClose.accept("error " + cause);
            closed.countDown();
        }
    }
}
