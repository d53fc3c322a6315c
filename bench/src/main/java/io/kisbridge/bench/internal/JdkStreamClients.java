package io.kisbridge.bench.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java.net.http.WebSocket} clients sharing one {@link HttpClient}: one selector thread reads every socket and
 * a small executor ({@code threads} threads) decodes frames (UTF-8 included) and calls the handlers, so 100 sockets
 * cost a few threads instead of 100. Each socket still receives and decodes every message. The JDK may hand a text
 * message over in parts; the time taken is the arrival of the last part.
 */
public final class JdkStreamClients implements StreamClients {
    private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");

    private final int threads;
    private final ExecutorService executor;
    private final HttpClient http;
    private final Set<Long> clientThreads = ConcurrentHashMap.newKeySet();
    private final String selectorThreadName;
    private int sockets;

    JdkStreamClients(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("client threads must be at least 1; got " + threads);
        }
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-stream-client-" + n.incrementAndGet());
            t.setDaemon(true);
            clientThreads.add(t.threadId());
            return t;
        });
        this.http = HttpClient.newBuilder().executor(executor).build();
        // The JDK's own tests read the client id from toString(); its selector thread is "HttpClient-<id>-SelectorManager"
        Matcher m = CLIENT_ID.matcher(http.toString());
        this.selectorThreadName = m.find() ? "HttpClient-" + m.group(1) + "-SelectorManager" : null;
        if (selectorThreadName != null) {
            Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(selectorThreadName))
                    .forEach(t -> clientThreads.add(t.threadId()));
        }
    }

    @Override
    public StreamConnection connect(String url, StreamConnection.Handler handler, Consumer<String> onClose)
            throws InterruptedException {
        Listener listener = new Listener(handler, onClose);
        try {
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(url), listener).get(10, TimeUnit.SECONDS);
            sockets++;
            return new Connection(ws);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot connect to " + url + ": " + e, e);
        }
    }

    @Override
    public boolean isClientThread(long threadId) {
        return clientThreads.contains(threadId);
    }

    @Override
    public String describe() {
        return "jdk (java.net.http.WebSocket, " + sockets + " sockets on one HttpClient: 1 selector thread + " + threads
                + " executor thread" + (threads == 1 ? "" : "s") + ")";
    }

    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }

    private record Connection(WebSocket ws) implements StreamConnection {
        @Override
        public void subscribe(String topic, boolean conflate) {
            // one send at a time per socket (the JDK refuses overlapping sends), so wait for each
            ws.sendText(StreamConnection.subscribeMessage(topic, conflate), true).orTimeout(10, TimeUnit.SECONDS)
                    .join();
        }

        @Override
        public void disconnect() throws InterruptedException {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // closing anyway
            }
            ws.abort();
        }
    }

    /**
     * Joins the parts of each text message and hands whole messages to the handler. It asks for one message at a time
     * (as a blocking reader would): asking for all of them lets the JDK read ahead into its own queues without bound,
     * so a slow client would hide its backlog from the bridge (which could no longer skip to the newest value).
     */
    private static final class Listener implements WebSocket.Listener {
        private final StreamConnection.Handler handler;
        private final Consumer<String> onClose;
        private final StringBuilder parts = new StringBuilder();

        Listener(StreamConnection.Handler handler, Consumer<String> onClose) {
            this.handler = handler;
            this.onClose = onClose;
        }

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            ws.request(1);
            if (!last) {
                parts.append(data);
                return null;
            }
            long received = System.nanoTime();
            String text;
            if (parts.isEmpty()) {
                text = data.toString();
            } else {
                text = parts.append(data).toString();
                parts.setLength(0);
            }
            handler.onMessage(text, received);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            onClose.accept(statusCode + " " + reason);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            onClose.accept("error " + error);
        }
    }
}
