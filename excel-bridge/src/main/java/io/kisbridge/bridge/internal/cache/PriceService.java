package io.kisbridge.bridge.internal.cache;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.core.ApiResult;
import io.kisbridge.core.KisApiException;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.KisInvalidRequestException;
import io.kisbridge.core.KisUnsupportedInPaperException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Current prices for many cells with few KIS calls. Every answer is shared by identical concurrent requests and
 * reused for the cache TTL. In real trading, price requests arriving within a short window are sent together as
 * {@code intstock-multprice} calls of up to 30 codes; paper trading lacks that API, so prices come from the
 * (cached) per-code {@code inquire-price} answer, which QUOTE uses anyway.
 */
public final class PriceService implements AutoCloseable {
    public static final int MULTPRICE_MAX_CODES = 30;
    static final int MAX_WINDOWS = 10;
    /** multprice calls out at once; more would only queue at the client's 20/s limiter with fewer codes each. */
    static final int MAX_CALLS_IN_FLIGHT = 4;

    private final KisClient client;
    private final boolean batching;
    private final Duration window;
    private final SingleFlightCache<String, Map<String, String>> quotes;
    private final SingleFlightCache<String, String> prices;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Object lock = new Object();
    private Map<String, CompletableFuture<String>> pending = new LinkedHashMap<>();
    private ScheduledFuture<?> scheduledFlush;
    /** Full batches waiting for a sender, oldest first. */
    private final ArrayDeque<Map<String, CompletableFuture<String>>> closedBatches = new ArrayDeque<>();
    /** The pending batch's window has ended: it goes with the next free sender. */
    private boolean pendingDue;
    private int callsInFlight;
    /** Pending codes when the window last started, and how many windows this batch has waited. */
    private int sizeAtWindowStart;
    private int windowsWaited;
    private long windowGeneration;

    public PriceService(KisClient client, Duration ttl, Duration window, LongSupplier nanoTime) {
        this.client = client;
        this.batching = client.config().environment() == KisEnvironment.REAL;
        this.window = window;
        this.quotes = new SingleFlightCache<>(ttl, nanoTime, PriceService::isPermanent);
        this.prices = new SingleFlightCache<>(ttl, nanoTime, PriceService::isPermanent);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bridge-price-batcher");
            t.setDaemon(true);
            return t;
        });
    }

    /** Errors that will not go away by asking again soon (unknown code, bad input, not in paper). */
    public static boolean isPermanent(Throwable t) {
        return t instanceof KisApiException || t instanceof KisInvalidRequestException
                || t instanceof KisUnsupportedInPaperException || t instanceof BridgeException;
    }

    /** The inquire-price output of one stock (every field, KIS names). */
    public Map<String, String> quote(String code) {
        return quotes.get(code, () -> {
            ApiResult r = client.call("inquire-price", Map.of("FID_INPUT_ISCD", code));
            List<Map<String, String>> rows = r.rows();
            if (rows.isEmpty()) {
                throw BridgeException.notAvailable("KIS returned no price for " + code);
            }
            return rows.get(0);
        });
    }

    /** The current price (stck_prpr) as KIS's string. */
    public String price(String code) {
        return prices.get(code, () -> batching ? batched(code) : quote(code).getOrDefault("stck_prpr", ""));
    }

    private String batched(String code) {
        CompletableFuture<String> f;
        synchronized (lock) {
            f = pending.computeIfAbsent(code, c -> new CompletableFuture<>());
            if (pending.size() >= MULTPRICE_MAX_CODES) {
                closeBatchLocked();
            } else if (scheduledFlush == null && !pendingDue) {
                sizeAtWindowStart = pending.size();
                windowsWaited = 0;
                scheduleWindowLocked();
            }
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /**
     * While new codes keep arriving (a recalculation storm), the batch waits another window, up to
     * {@link #MAX_WINDOWS}, so calls go out nearer 30 codes; a lone cell is sent after one window as before.
     */
    private void windowEnded(long generation) {
        synchronized (lock) {
            if (generation != windowGeneration) {
                return; // this batch was already closed (it reached 30 codes)
            }
            scheduledFlush = null;
            if (pending.size() > sizeAtWindowStart && ++windowsWaited < MAX_WINDOWS) {
                sizeAtWindowStart = pending.size();
                scheduleWindowLocked();
                return;
            }
            pendingDue = true;
            dispatchLocked();
        }
    }

    private void scheduleWindowLocked() {
        long generation = ++windowGeneration;
        scheduledFlush = timer.schedule(() -> windowEnded(generation), window.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The pending batch is full: it queues for a sender and new codes start the next batch. */
    private void closeBatchLocked() {
        if (scheduledFlush != null) {
            scheduledFlush.cancel(false);
            scheduledFlush = null;
        }
        windowGeneration++;
        pendingDue = false;
        if (!pending.isEmpty()) {
            closedBatches.addLast(pending);
            pending = new LinkedHashMap<>();
        }
        dispatchLocked();
    }

    /**
     * Starts calls while fewer than {@link #MAX_CALLS_IN_FLIGHT} are out. A batch whose window ended while every
     * sender was busy (waiting for the rate limiter, typically) stays open and keeps taking codes until a sender is
     * free, so a storm sends full batches instead of queueing many small ones behind the limiter.
     */
    private void dispatchLocked() {
        while (callsInFlight < MAX_CALLS_IN_FLIGHT) {
            Map<String, CompletableFuture<String>> batch = closedBatches.pollFirst();
            if (batch == null && pendingDue && !pending.isEmpty()) {
                batch = pending;
                pending = new LinkedHashMap<>();
                pendingDue = false;
            }
            if (batch == null) {
                return;
            }
            callsInFlight++;
            Map<String, CompletableFuture<String>> toSend = batch;
            workers.execute(() -> {
                try {
                    send(toSend);
                } finally {
                    synchronized (lock) {
                        callsInFlight--;
                        dispatchLocked();
                    }
                }
            });
        }
    }

    private void send(Map<String, CompletableFuture<String>> batch) {
        List<String> codes = new ArrayList<>(batch.keySet());
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            params.put("FID_INPUT_ISCD_" + (i + 1), codes.get(i));
        }
        Map<String, String> byCode = new HashMap<>();
        try {
            for (Map<String, String> row : client.call("intstock-multprice", params).rows()) {
                byCode.put(row.getOrDefault("inter_shrn_iscd", "").strip(), row.getOrDefault("inter2_prpr", ""));
            }
        } catch (KisApiException e) {
            // One bad code fails the whole call: split the batch in halves and ask again, so a bad code costs about
            // 2·log2(30) calls instead of one per code; a lone code falls back to inquire-price for its own answer.
            if (batch.size() == 1) {
                batch.forEach((code, f) -> completeFrom(f, () -> quote(code).getOrDefault("stck_prpr", "")));
                return;
            }
            Map<String, CompletableFuture<String>> first = new LinkedHashMap<>();
            Map<String, CompletableFuture<String>> second = new LinkedHashMap<>();
            int half = (batch.size() + 1) / 2;
            batch.forEach((code, f) -> (first.size() < half ? first : second).put(code, f));
            workers.execute(() -> send(first));
            workers.execute(() -> send(second));
            return;
        } catch (RuntimeException e) {
            batch.values().forEach(f -> f.completeExceptionally(e));
            return;
        }
        batch.forEach((code, f) -> {
            String p = byCode.get(code);
            if (p != null) {
                f.complete(p);
            } else {
                workers.execute(() -> completeFrom(f, () -> quote(code).getOrDefault("stck_prpr", "")));
            }
        });
    }

    private static void completeFrom(CompletableFuture<String> f, java.util.function.Supplier<String> s) {
        try {
            f.complete(s.get());
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
        }
    }

    /** Codes in the open batch (for tests). */
    int pendingCodes() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /** Whether the open batch's window has ended and it only waits for a free sender (for tests). */
    boolean pendingDue() {
        synchronized (lock) {
            return pendingDue;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
