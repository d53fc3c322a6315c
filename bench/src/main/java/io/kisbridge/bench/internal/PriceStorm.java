package io.kisbridge.bench.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A recalculation storm as a spreadsheet makes it: cell {@code i} asks {@code GET /v1/fn/PRICE/{codes[i % M]}}
 * (the WEBSERVICE form), at most {@code concurrency} requests in flight, in cell order. Each answer is checked
 * against the price the simulator's market holds; anything else (an error word, another number, an HTTP error, a
 * timeout) is a failed cell.
 */
public final class PriceStorm {
    /** Paper trading answers a 500-code storm in minutes; a cell waits that long, not forever. */
    private static final Duration CELL_TIMEOUT = Duration.ofMinutes(30);

    private PriceStorm() {
    }

    /** What the cells saw. {@code errorKinds}: the bridge's X-Bridge-Error kinds (or "http_N", "exception"). */
    public record Outcome(long wallNanos, long failedCells, Map<String, Long> errorKinds) {
        public long rateLimitedCells() {
            return errorKinds.getOrDefault("rate_limited", 0L);
        }
    }

    public static Outcome run(String bridgeUrl, List<String> codes, Map<String, Long> expectedPrices, int cells,
                              int concurrency) throws InterruptedException {
        Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(concurrency);
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            long start = System.nanoTime();
            try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < cells; i++) {
                    String code = codes.get(i % codes.size());
                    HttpRequest req = HttpRequest.newBuilder(URI.create(bridgeUrl + "/v1/fn/PRICE/" + code))
                            .timeout(CELL_TIMEOUT).GET().build();
                    inFlight.acquire();
                    ex.execute(() -> {
                        try {
                            String problem = check(http, req, Long.toString(expectedPrices.get(code)));
                            if (problem != null) {
                                failed.incrementAndGet();
                                kinds.computeIfAbsent(problem, k -> new AtomicLong()).incrementAndGet();
                            }
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
            long wall = System.nanoTime() - start;
            Map<String, Long> counted = new TreeMap<>();
            kinds.forEach((k, v) -> counted.put(k, v.get()));
            return new Outcome(wall, failed.get(), counted);
        }
    }

    /** null when the cell got its price, else what went wrong. */
    private static String check(HttpClient http, HttpRequest req, String expected) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            String kind = r.headers().firstValue("X-Bridge-Error").orElse(null);
            if (kind != null) {
                return kind;
            }
            if (r.statusCode() != 200) {
                return "http_" + r.statusCode();
            }
            return r.body().strip().equals(expected) ? null : "wrong_value";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return "exception";
        }
    }
}
