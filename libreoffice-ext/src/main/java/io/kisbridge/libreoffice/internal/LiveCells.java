package io.kisbridge.libreoffice.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live cells (STREAM, BOOK, FILLS, SCRIPT) over one {@code /v1/stream} WebSocket. Cells are reference-counted per
 * topic: the first cell of a topic subscribes, the last one released (Calc drops its listener when the last document
 * showing it closes) unsubscribes. While the socket is down every live cell shows {@code #N/A bridge not running at
 * ...}, and the socket is reopened with backoff (0.25 s doubling to 5 s); on reconnect every topic is subscribed again.
 */
public final class LiveCells implements AutoCloseable {
    static final Duration BACKOFF_MIN = Duration.ofMillis(250);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(5);
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(3);

    private final URI bridge;
    private final URI streamUri;
    private final HttpClient http;
    private final Notifier notifier;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kisbridge-calc-stream");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, LiveCell> cells = new ConcurrentHashMap<>();
    private final Map<String, Set<LiveCell>> byTopic = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private WebSocket socket;
    private boolean connecting;
    private boolean closed;
    private long backoffMillis = BACKOFF_MIN.toMillis();
    private volatile String feedState = "idle";

    public LiveCells(URI bridge, HttpClient http, Notifier notifier) {
        this.bridge = bridge;
        this.streamUri = BridgeUrl.streamUri(bridge);
        this.http = http;
        this.notifier = notifier;
    }

    /** The live result of {@code fn(args)} on {@code topic}; the first cell of a topic subscribes it. */
    public CellResult cell(String fn, List<String> args, String topic, LiveValue extractor) {
        String key = fn + "\u0000" + String.join("\u0000", args);
        LiveCell created = null;
        LiveCell c;
        synchronized (lock) {
            c = cells.get(key);
            if (c == null) {
                created = c = new LiveCell(key, topic, extractor);
                cells.put(key, c);
                boolean first = byTopic.computeIfAbsent(topic, t -> new CopyOnWriteArraySet<>()).isEmpty();
                byTopic.get(topic).add(c);
                if (first) {
                    sendLater(topic, "subscribe");
                }
            }
        }
        if (created != null) {
            ensureConnected();
        }
        return c.result;
    }

    /** Topics with at least one cell (for tests and the status line). */
    public Set<String> topics() {
        return Set.copyOf(byTopic.keySet());
    }

    private void released(LiveCell c) {
        synchronized (lock) {
            if (!cells.remove(c.key, c)) {
                return;
            }
            Set<LiveCell> set = byTopic.get(c.topic);
            if (set != null) {
                set.remove(c);
                if (set.isEmpty()) {
                    byTopic.remove(c.topic);
                    sendLater(c.topic, "unsubscribe");
                }
            }
        }
    }

    private void sendLater(String topic, String op) {
        WebSocket ws = socket;
        if (ws != null) {
            String text = Json.write(Map.of("op", op, "topic", topic));
            timer.execute(() -> send(ws, text));
        }
    }

    private void send(WebSocket ws, String text) {
        Diagnostics.log(() -> "sending " + text);
        try {
            ws.sendText(text, true).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            Diagnostics.log(() -> "cannot send to " + streamUri + ": " + e);
            ws.abort();
        }
    }

    private void ensureConnected() {
        synchronized (lock) {
            if (socket != null || connecting || closed) {
                return;
            }
            connecting = true;
        }
        // never from Calc's thread: a WebSocket opened from it was seen to never complete
        timer.execute(this::open);
    }

    /** On the stream thread: waits for the handshake at most {@link #OPEN_TIMEOUT}, then retries with backoff. */
    private void open() {
        Diagnostics.log(() -> "opening " + streamUri);
        CompletableFuture<WebSocket> pending = http.newWebSocketBuilder().connectTimeout(OPEN_TIMEOUT)
                .buildAsync(streamUri, new Listener());
        WebSocket ws;
        try {
            ws = pending.get(OPEN_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            pending.cancel(true);
            Diagnostics.log(() -> "cannot open " + streamUri + ": " + e);
            synchronized (lock) {
                connecting = false;
            }
            disconnected();
            return;
        }
        Diagnostics.log(() -> "connected to " + streamUri);
        List<String> topics;
        synchronized (lock) {
            connecting = false;
            socket = ws;
            backoffMillis = BACKOFF_MIN.toMillis();
            topics = new ArrayList<>(byTopic.keySet());
        }
        topics.forEach(t -> send(ws, Json.write(Map.of("op", "subscribe", "topic", t))));
    }

    private void disconnected() {
        long delay;
        synchronized (lock) {
            socket = null;
            if (closed) {
                return;
            }
            delay = backoffMillis;
            backoffMillis = Math.min(BACKOFF_MAX.toMillis(), backoffMillis * 2);
        }
        String text = CellValues.notRunning(bridge);
        cells.values().forEach(c -> c.show(text));
        timer.schedule(() -> {
            if (!cells.isEmpty()) {
                ensureConnected();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void onMessage(String text) {
        Map<String, Object> m;
        try {
            m = Json.readObject(text);
        } catch (RuntimeException e) {
            return;
        }
        if ("feed".equals(m.get("type"))) {
            feedState = String.valueOf(m.get("state"));
            if (!"connected".equals(feedState) && !"idle".equals(feedState) && !"connecting".equals(feedState)) {
                // the KIS feed is down (the bridge is up): KIS cells say so, published script values stay
                byTopic.forEach((topic, set) -> {
                    if (!topic.startsWith("script:")) {
                        set.forEach(c -> c.show("#N/A feed disconnected"));
                    }
                });
            }
            return;
        }
        Object topic = m.get("topic");
        Set<LiveCell> set = topic == null ? null : byTopic.get(topic.toString());
        if (set == null) {
            return;
        }
        if (m.get("data") instanceof Map<?, ?> data) {
            set.forEach(c -> c.data(data));
        } else if (m.get("status") != null) {
            String status = m.get("status").toString();
            if ("error".equals(status)) {
                set.forEach(c -> c.show("#N/A " + m.get("detail")));
            }
        }
    }

    @Override
    public void close() {
        WebSocket ws;
        synchronized (lock) {
            closed = true;
            ws = socket;
            socket = null;
        }
        if (ws != null) {
            ws.abort();
        }
        timer.shutdownNow();
    }

    /** Turns a topic's data record into what a cell shows (null: this record has nothing for the cell). */
    public interface LiveValue {
        Object from(Map<?, ?> data, Object previous);

        /** What the cell shows before the first record. */
        default Object initial() {
            return CellValues.WAITING;
        }

        /** Wraps a status text for the cell's shape (a matrix for FILLS and SCRIPT). */
        default Object status(String text) {
            return text;
        }
    }

    private final class LiveCell {
        final String key;
        final String topic;
        final LiveValue extractor;
        final CellResult result;

        LiveCell(String key, String topic, LiveValue extractor) {
            this.key = key;
            this.topic = topic;
            this.extractor = extractor;
            this.result = new CellResult(extractor.initial(), notifier, r -> released(this));
        }

        void data(Map<?, ?> data) {
            Object v = extractor.from(data, result.value());
            if (v != null) {
                result.set(v);
            }
        }

        void show(String status) {
            result.set(extractor.status(status));
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                onMessage(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            disconnected();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            Diagnostics.log(() -> streamUri + " failed: " + error);
            disconnected();
        }
    }

}
