package io.kisbridge.bench.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A recalculation storm as a spreadsheet makes it; cell {@code i} asks PRICE of {@code codes[i % M]}, in cell order.
 * <ul>
 *   <li>{@link #run}: the WEBSERVICE form, one {@code GET /v1/fn/PRICE/{code}} per cell, at most
 *       {@code concurrency} in flight (LibreOffice Calc, or Excel's WEBSERVICE);</li>
 *   <li>{@link #runBatched}: the add-in's form, {@code POST /v1/batch} of {@code batchSize} calls each (its
 *       BridgeClient flushes at 500 calls), at most {@code inFlight} batches at once (a browser's six connections
 *       per host).</li>
 * </ul>
 * Each answer is checked against the price the simulator's market holds; anything else (an error word, another
 * number, an HTTP error, a timeout) is a failed cell.
 */
public final class PriceStorm {
    /** Paper trading answers a 500-code storm in minutes; a cell waits that long, not forever. */
    private static final Duration CELL_TIMEOUT = Duration.ofMinutes(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
            return outcome(start, failed, kinds);
        }
    }

    public static Outcome runBatched(String bridgeUrl, List<String> codes, Map<String, Long> expectedPrices, int cells,
                                     int batchSize, int inFlight) throws InterruptedException {
        Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        Semaphore slots = new Semaphore(inFlight);
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            long start = System.nanoTime();
            try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int from = 0; from < cells; from += batchSize) {
                    List<String> batch = new ArrayList<>();
                    for (int i = from; i < Math.min(cells, from + batchSize); i++) {
                        batch.add(codes.get(i % codes.size()));
                    }
                    slots.acquire();
                    ex.execute(() -> {
                        try {
                            checkBatch(http, bridgeUrl, batch, expectedPrices).forEach((kind, n) -> {
                                failed.addAndGet(n);
                                kinds.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(n);
                            });
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
            return outcome(start, failed, kinds);
        }
    }

    /**
     * The WEBSERVICE form with wrk as the load tool ({@code threads} threads, {@code concurrency} connections, cell
     * {@code i} on thread {@code i mod threads}, in order). wrk cannot tell which request an answer belongs to, so a
     * cell counts as right when it answers 200 with one of the storm's expected prices. A thread that has sent its
     * last cell asks {@code /health} (no KIS call) until its last cell is answered, then stops and writes its counts
     * to a file; the storm ends when every thread's file is there (wrk itself only ends at its duration).
     * Wall time: from starting wrk (a few ms of start-up included) to the last file.
     */
    public static Outcome runWithWrk(Wrk wrk, String bridgeUrl, List<String> codes, Map<String, Long> expectedPrices,
                                     int cells, int concurrency, int threads) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kisbridge-storm-");
        Path script = dir.resolve("storm.lua");
        Files.writeString(script, wrkScript(codes, expectedPrices, cells, threads, dir));
        long start = System.nanoTime();
        Process p = wrk.start(bridgeUrl, script, threads, Math.max(concurrency, threads),
                (int) CELL_TIMEOUT.toSeconds());
        long deadline = start + CELL_TIMEOUT.toNanos();
        long[] totals = new long[3];
        try {
            List<Path> files = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                files.add(dir.resolve("thread-" + t + ".done"));
            }
            while (!files.stream().allMatch(Files::exists)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("wrk ended (or the storm outlasted " + CELL_TIMEOUT + ") before every "
                            + "thread answered its cells; exit " + (p.isAlive() ? "none" : p.exitValue()));
                }
                Thread.sleep(5); // polling a file wrk writes: there is nothing to await on
            }
            long wall = System.nanoTime() - start;
            for (Path f : files) {
                String[] counts = Files.readString(f).strip().split(" ");
                for (int k = 0; k < 3; k++) {
                    totals[k] += Long.parseLong(counts[k]);
                }
            }
            long failed = totals[1] + Math.max(0, cells - totals[0] - totals[1]);
            Map<String, Long> kinds = new TreeMap<>();
            if (totals[2] > 0) {
                kinds.put("rate_limited", totals[2]);
            }
            if (totals[1] > totals[2]) {
                kinds.put("other", totals[1] - totals[2]);
            }
            if (totals[0] + totals[1] != cells) {
                kinds.put("unanswered", cells - totals[0] - totals[1]);
            }
            return new Outcome(wall, failed, kinds);
        } finally {
            p.destroy();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    static String wrkScript(List<String> codes, Map<String, Long> expectedPrices, int cells, int threads, Path dir) {
        StringBuilder lua = new StringBuilder("-- kisbridge bench storm: the WEBSERVICE form\nlocal codes = {");
        codes.forEach(c -> lua.append('"').append(c).append("\","));
        lua.append("}\nlocal prices = {");
        expectedPrices.values().stream().distinct().forEach(p -> lua.append("[\"").append(p).append("\"]=true,"));
        lua.append("}\nlocal cells = ").append(cells).append("\nlocal nthreads = ").append(threads)
                .append("\nlocal dir = \"").append(dir.toAbsolutePath()).append("\"\n");
        lua.append("""
                local created = 0
                function setup(thread)
                  thread:set("tid", created)
                  created = created + 1
                end
                function init(args)
                  nextcell = tid
                  share = 0
                  for i = tid, cells - 1, nthreads do share = share + 1 end
                  answered, ok, failed, limited = 0, 0, 0, 0
                  -- wrk calls request() once on thread 0 before it runs, to check it (the request is not sent)
                  unsent = (tid == 0)
                end
                function request()
                  if unsent then
                    unsent = false
                    return wrk.format("GET", "/health")
                  end
                  if nextcell < cells then
                    local code = codes[(nextcell % #codes) + 1]
                    nextcell = nextcell + nthreads
                    return wrk.format("GET", "/v1/fn/PRICE/" .. code)
                  end
                  return wrk.format("GET", "/health")
                end
                function response(status, headers, body)
                  if status == 200 and string.find(body, '"status":"ready"', 1, true) then return end
                  answered = answered + 1
                  local text = string.gsub(body, "%s+$", "")
                  if status == 200 and headers["X-Bridge-Error"] == nil and prices[text] then
                    ok = ok + 1
                  else
                    failed = failed + 1
                    if headers["X-Bridge-Error"] == "rate_limited" then limited = limited + 1 end
                  end
                  if answered == share then
                    wrk.thread:stop()
                    local tmp = dir .. "/thread-" .. tid .. ".tmp"
                    local f = io.open(tmp, "w")
                    f:write(ok .. " " .. failed .. " " .. limited .. "\\n")
                    f:close()
                    os.rename(tmp, dir .. "/thread-" .. tid .. ".done")
                  end
                end
                """);
        return lua.toString();
    }

    /** Failed cells of one batch by kind (the bridge's error kind, "wrong_value", "http_N" or "exception"). */
    private static Map<String, Long> checkBatch(HttpClient http, String bridgeUrl, List<String> codes,
                                                Map<String, Long> expectedPrices) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode calls = body.putArray("calls");
        codes.forEach(code -> calls.addObject().put("fn", "PRICE").putArray("args").add(code));
        Map<String, Long> problems = new TreeMap<>();
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(bridgeUrl + "/v1/batch")).timeout(CELL_TIMEOUT)
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))).build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                problems.put("http_" + r.statusCode(), (long) codes.size());
                return problems;
            }
            JsonNode results = MAPPER.readTree(r.body()).path("results");
            for (int i = 0; i < codes.size(); i++) {
                JsonNode one = results.path(i);
                String kind = one.has("error") ? one.path("error").path("kind").asText("error")
                        : one.path("value").asText().equals(Long.toString(expectedPrices.get(codes.get(i)))) ? null
                        : "wrong_value";
                if (kind != null) {
                    problems.merge(kind, 1L, Long::sum);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.put("interrupted", (long) codes.size());
        } catch (Exception e) {
            problems.put("exception", (long) codes.size());
        }
        return problems;
    }

    private static Outcome outcome(long startNanos, AtomicLong failed, Map<String, AtomicLong> kinds) {
        long wall = System.nanoTime() - startNanos;
        Map<String, Long> counted = new TreeMap<>();
        kinds.forEach((k, v) -> counted.put(k, v.get()));
        return new Outcome(wall, failed.get(), counted);
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
