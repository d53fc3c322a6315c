package io.kisbridge.libreoffice.internal;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Point functions (PRICE, QUOTE, HISTORY ...) over {@code POST /v1/batch}. A function call never waits: it returns
 * the call's {@link CellResult} at once (its last value, or {@code #N/A waiting for the bridge}) and, when that value
 * is older than the refresh age, queues the call. Calls queued within {@link #QUIET} of each other (a recalculation
 * calls its cells back to back) go out as one batch; the answers are pushed into the cells. When the bridge cannot
 * be reached the cells say so and the calls are tried again with backoff while a document still shows them.
 */
public final class PointCalls implements AutoCloseable {
    static final Duration QUIET = Duration.ofMillis(25);
    static final Duration MAX_GATHER = Duration.ofMillis(250);
    static final int MAX_BATCH = 5_000;
    /** A value younger than this is shown without asking again (the bridge's own cache keeps 2 s). */
    static final Duration REFRESH_AGE = Duration.ofSeconds(2);
    static final Duration RETRY_MIN = Duration.ofSeconds(1);
    static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final URI bridge;
    private final HttpClient http;
    private final Notifier notifier;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kisbridge-calc-batch");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final List<Call> queued = new ArrayList<>();
    private long firstQueuedAt;
    private long lastQueuedAt;
    private boolean flushScheduled;
    private long retryDelayNanos = RETRY_MIN.toNanos();
    private volatile long batchesSent;

    public PointCalls(URI bridge, HttpClient http, Notifier notifier, LongSupplier nanoTime) {
        this.bridge = bridge;
        this.http = http;
        this.notifier = notifier;
        this.nanoTime = nanoTime;
    }

    /** The cell result of {@code fn(args)}; queues a refresh when it is missing or old. Never blocks. */
    public CellResult call(String fn, List<String> args, boolean matrix) {
        String key = fn + "\u0000" + String.join("\u0000", args);
        Call c = calls.computeIfAbsent(key, k -> new Call(k, fn, args, matrix));
        c.requestRefreshIfOld();
        return c.result;
    }

    public long batchesSent() {
        return batchesSent;
    }

    private void enqueue(Call c) {
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            if (queued.isEmpty()) {
                firstQueuedAt = now;
            }
            lastQueuedAt = now;
            queued.add(c);
            if (!flushScheduled) {
                flushScheduled = true;
                timer.schedule(this::flushWhenQuiet, QUIET.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void flushWhenQuiet() {
        List<Call> batch;
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            long quietFor = now - lastQueuedAt;
            if (quietFor < QUIET.toNanos() && now - firstQueuedAt < MAX_GATHER.toNanos()
                    && queued.size() < MAX_BATCH) {
                timer.schedule(this::flushWhenQuiet, QUIET.toNanos() - quietFor, TimeUnit.NANOSECONDS);
                return;
            }
            int n = Math.min(queued.size(), MAX_BATCH);
            batch = new ArrayList<>(queued.subList(0, n));
            queued.subList(0, n).clear();
            flushScheduled = !queued.isEmpty();
            if (flushScheduled) {
                firstQueuedAt = now;
                timer.schedule(this::flushWhenQuiet, 0, TimeUnit.NANOSECONDS);
            }
        }
        send(batch);
    }

    private void send(List<Call> batch) {
        List<Map<String, Object>> body = new ArrayList<>();
        for (Call c : batch) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fn", c.fn);
            m.put("args", c.args);
            body.add(m);
        }
        HttpRequest req = HttpRequest.newBuilder(bridge.resolve("/v1/batch")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("calls", body)), StandardCharsets.UTF_8))
                .build();
        batchesSent++;
        http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((resp, failure) -> answered(batch, resp, failure));
    }

    private void answered(List<Call> batch, HttpResponse<String> resp, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            String text = cause instanceof ConnectException || cause instanceof java.net.http.HttpConnectTimeoutException
                    ? CellValues.notRunning(bridge) : "#N/A the bridge did not answer: " + cause.getClass().getSimpleName();
            batch.forEach(c -> c.failed(text));
            scheduleRetry(batch);
            return;
        }
        List<?> results;
        try {
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + resp.statusCode());
            }
            results = (List<?>) Json.readObject(resp.body()).get("results");
            if (results == null || results.size() != batch.size()) {
                throw new IllegalStateException("a batch answer of the wrong length");
            }
        } catch (RuntimeException e) {
            String text = "#N/A the bridge answered " + e.getMessage();
            batch.forEach(c -> c.failed(text));
            return;
        }
        synchronized (lock) {
            retryDelayNanos = RETRY_MIN.toNanos();
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answered(CellValues.batchResult((Map<?, ?>) results.get(i)));
        }
    }

    private void scheduleRetry(List<Call> batch) {
        long delay;
        synchronized (lock) {
            delay = retryDelayNanos;
            retryDelayNanos = Math.min(RETRY_MAX.toNanos(), retryDelayNanos * 2);
        }
        long at = nanoTime.getAsLong() + delay;
        batch.forEach(c -> c.notBefore(at));
        timer.schedule(() -> batch.stream().filter(c -> c.result.hasListeners()).forEach(Call::requestRefreshIfOld),
                delay, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class Call {
        final String key;
        final String fn;
        final List<String> args;
        final boolean matrix;
        final CellResult result;
        private boolean inFlight;
        private boolean asked;
        private long nextRefreshAt;

        Call(String key, String fn, List<String> args, boolean matrix) {
            this.key = key;
            this.fn = fn;
            this.args = List.copyOf(args);
            this.matrix = matrix;
            this.result = new CellResult(shape(CellValues.WAITING), notifier, r -> calls.remove(key, this));
        }

        void requestRefreshIfOld() {
            synchronized (this) {
                if (inFlight || asked && nanoTime.getAsLong() - nextRefreshAt < 0) {
                    return;
                }
                inFlight = true;
                asked = true;
            }
            enqueue(this);
        }

        void answered(Object value) {
            synchronized (this) {
                inFlight = false;
                nextRefreshAt = nanoTime.getAsLong() + REFRESH_AGE.toNanos();
            }
            result.set(shape(value));
        }

        /** Answers "not yet" to Calc's calls until {@code at} (the cell's own re-evaluation must not resend). */
        void failed(String text) {
            synchronized (this) {
                inFlight = false;
                nextRefreshAt = nanoTime.getAsLong() + REFRESH_AGE.toNanos();
            }
            result.set(shape(text));
        }

        synchronized void notBefore(long at) {
            nextRefreshAt = at;
        }

        private Object shape(Object v) {
            return matrix && !(v instanceof Object[][]) ? CellValues.single(v) : v;
        }
    }
}
