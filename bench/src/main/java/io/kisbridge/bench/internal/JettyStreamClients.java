package io.kisbridge.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Jetty's WebSocket client (the Jetty the bridge runs on): every socket is read by one selector thread and its
 * messages handled on a small fixed pool ({@code threads} + the selector), all named {@code bench-ws-client-*} in one
 * thread group so the driver can tell the clients' CPU from the bridge's. Jetty checks each text message's UTF-8 and
 * hands over whole messages; the time taken is when the whole message has arrived.
 */
public final class JettyStreamClients implements StreamClients {
    private static final String NAME = "bench-ws-client";
    private static final int SELECTORS = 1;

    private final int threads;
    private final ThreadGroup group = new ThreadGroup(NAME);
    private final HttpClient http;
    private final WebSocketClient client;
    private int sockets;

    JettyStreamClients(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("client threads must be at least 1; got " + threads);
        }
        this.threads = threads;
        int poolSize = threads + SELECTORS;
        // reservedThreads -1: Jetty's default (one here), which lets the selector thread run a socket's read itself
        // while a reserved thread takes over selecting, instead of handing every read to another thread
        QueuedThreadPool pool = new QueuedThreadPool(poolSize, poolSize, 60_000, -1, null, group);
        pool.setName(NAME);
        pool.setDaemon(true);
        http = new HttpClient(new HttpClientTransportOverHTTP(SELECTORS));
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
                + " sockets on one HttpClient: " + (threads + SELECTORS) + " pool threads, " + SELECTORS
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
        public void subscribe(String topic) {
            try {
                session.getRemote().sendString("{\"op\":\"subscribe\",\"topic\":\"" + topic + "\"}");
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

    private static final class Endpoint implements WebSocketListener {
        private final StreamConnection.Handler handler;
        private final Consumer<String> onClose;
        final CountDownLatch closed = new CountDownLatch(1);

        Endpoint(StreamConnection.Handler handler, Consumer<String> onClose) {
            this.handler = handler;
            this.onClose = onClose;
        }

        @Override
        public void onWebSocketText(String message) {
            handler.onMessage(message, System.nanoTime());
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
