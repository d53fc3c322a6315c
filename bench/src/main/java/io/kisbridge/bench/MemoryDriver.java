package io.kisbridge.bench;

import io.kisbridge.bench.internal.DemoBridgeProcess;
import io.kisbridge.bench.internal.Options;
import io.kisbridge.bench.internal.Percentiles;
import io.kisbridge.bench.internal.ProcessStats;
import io.kisbridge.bench.internal.StreamClient;
import io.kisbridge.simulator.market.Universe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory of a demo bridge, baseline and loaded. The bridge runs in a child JVM (what
 * {@code ./kisbridge demo} runs: simulator with its market timer, client, bridge with HTTPS; JVM defaults), so its
 * RSS is not mixed with this driver's. Baseline: the child started and idle. Loaded: {@code --clients} WebSocket
 * clients each subscribed to the same {@code --topics} trade topics (41 = the KIS registration cap; the feed holds
 * one registration per topic) and {@code --cells} distinct cells (PRICE and QUOTE fields over those codes) asked
 * through {@code POST /v1/batch} in {@code --rounds} recalculations. Each measurement is VmRSS from
 * /proc/PID/status and heap used after a full GC, read inside the child. One run = one child; the report gives each
 * run and the medians.
 */
public final class MemoryDriver implements Driver {
    static final List<String> QUOTE_FIELDS = List.of("price", "change", "change_pct", "change_sign", "open", "high",
            "low", "prev_close", "upper_limit", "lower_limit", "volume", "value", "volume_ratio", "vwap", "per", "pbr",
            "eps", "bps", "mktcap", "shares", "par", "high52", "low52", "high52_date", "low52_date", "year_high",
            "year_low", "foreign_pct", "turnover", "tick", "sector", "market", "status");

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String summary() {
        return "resident memory of a demo bridge (child JVM): idle vs 41 streamed topics and 1,000 cells";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options f = new Options(name())
                .option("topics", "41", "trade topics streamed (at most 41, the KIS registration cap)")
                .option("clients", "10", "WebSocket clients, each subscribed to every topic")
                .option("cells", "1000", "distinct cells asked through /v1/batch")
                .option("rounds", "3", "recalculations of all cells (2 s apart, the cache TTL)")
                .option("runs", "3", "child processes measured (the report gives their median)")
                .option("settle", "3s", "wait before each measurement");
        if (f.parse(args)) {
            out.print(f.usage(summary()));
            return 0;
        }
        int topics = f.integer("topics", 1);
        if (topics > 41) {
            throw new IllegalArgumentException("--topics must be at most 41 (the KIS registration cap); got " + topics);
        }
        int clients = f.integer("clients", 0);
        int cells = f.integer("cells", 0);
        int rounds = f.integer("rounds", 1);
        int runs = f.integer("runs", 1);
        Duration settle = f.duration("settle");
        List<String> codes = Universe.standard().stocks().stream().map(s -> s.code()).limit(topics).toList();
        if (cells > codes.size() * (1 + QUOTE_FIELDS.size())) {
            throw new IllegalArgumentException("--cells must be at most " + codes.size() * (1 + QUOTE_FIELDS.size())
                    + " with " + topics + " codes");
        }

        List<long[]> results = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            long[] m = oneRun(codes, clients, cells, rounds, settle, out);
            results.add(m);
            out.printf("run %d: baseline RSS %.1f MiB, heap %.1f MiB; loaded RSS %.1f MiB, heap %.1f MiB "
                    + "(%d registrations, %d cells ok, %d failed)%n", r, m[0] / 1024.0, m[1] / 1048576.0,
                    m[2] / 1024.0, m[3] / 1048576.0, m[4], m[5], m[6]);
        }
        double baseRss = median(results, 0) / 1024.0;
        double baseHeap = median(results, 1) / 1048576.0;
        double loadRss = median(results, 2) / 1024.0;
        double loadHeap = median(results, 3) / 1048576.0;
        long failed = results.stream().mapToLong(m -> m[6]).sum();
        long registrations = results.stream().mapToLong(m -> m[4]).min().orElse(0);
        out.printf("median of %d runs: RSS %.1f -> %.1f MiB (+%.1f), heap after GC %.1f -> %.1f MiB (+%.1f), load %.2f%n",
                runs, baseRss, loadRss, loadRss - baseRss, baseHeap, loadHeap, loadHeap - baseHeap,
                ProcessStats.loadAverage());
        out.printf("RESULT memory topics=%d clients=%d cells=%d runs=%d baseline_rss_mib=%.1f loaded_rss_mib=%.1f "
                + "baseline_heap_mib=%.1f loaded_heap_mib=%.1f registrations=%d cells_failed=%d load=%.2f%n", topics,
                clients, cells, runs, baseRss, loadRss, baseHeap, loadHeap, registrations, failed,
                ProcessStats.loadAverage());
        return 0;
    }

    private static double median(List<long[]> results, int i) {
        return Percentiles.median(results.stream().mapToDouble(m -> m[i]).toArray());
    }

    /** {baseline rss KiB, baseline heap B, loaded rss KiB, loaded heap B, registrations, cells ok, cells failed} */
    private static long[] oneRun(List<String> codes, int clients, int cells, int rounds, Duration settle,
            PrintStream out) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DemoBridgeProcess.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<StreamClient> sockets = new ArrayList<>();
        try (BufferedReader from = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter to = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String ready = readLine(from, "READY ", Duration.ofSeconds(90));
            String url = ready.substring("READY ".length()).strip();
            Thread.sleep(settle.toMillis());
            Map<String, Long> base = measure(to, from);

            Map<String, Boolean> subscribed = new ConcurrentHashMap<>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                StreamClient c = new StreamClient(url.replace("http://", "ws://") + "/v1/stream", (text, at) -> {
                    if (text.contains("\"status\":\"subscribed\"")) {
                        subscribed.put(n + " " + StreamClient.field(text, "topic"), true);
                    }
                }, reason -> { });
                if (!c.connectBlocking(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("cannot connect to " + url);
                }
                sockets.add(c);
                for (String code : codes) {
                    c.subscribe("trade:" + code);
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (subscribed.size() < clients * codes.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long[] okFailed = askCells(url, codes, cells, rounds);
            Thread.sleep(settle.toMillis());
            Map<String, Long> loaded = measure(to, from);
            to.println("quit");
            return new long[] {base.get("rss_kib"), base.get("heap_used"), loaded.get("rss_kib"),
                    loaded.get("heap_used"), loaded.get("registrations"), okFailed[0], okFailed[1]};
        } finally {
            for (StreamClient c : sockets) {
                c.closeBlocking();
            }
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroy();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Map<String, Long> measure(PrintWriter to, BufferedReader from) throws Exception {
        to.println("measure");
        String line = readLine(from, "MEASURE ", Duration.ofSeconds(60));
        Map<String, Long> m = new java.util.HashMap<>();
        for (String kv : line.substring("MEASURE ".length()).strip().split(" ")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], Long.parseLong(p[1]));
        }
        return m;
    }

    private static String readLine(BufferedReader from, String prefix, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String line;
        while ((line = from.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        throw new IllegalStateException("the demo bridge child did not print " + prefix.strip() + " (last: " + line + ")");
    }

    /** Sends the cells as one /v1/batch per round (2 s apart); returns {ok, failed} of the last round. */
    private static long[] askCells(String url, List<String> codes, int cells, int rounds) throws Exception {
        if (cells == 0) {
            return new long[] {0, 0};
        }
        StringBuilder body = new StringBuilder("{\"calls\":[");
        int n = 0;
        outer:
        for (String code : codes) {
            for (int k = -1; k < QUOTE_FIELDS.size(); k++) {
                if (n == cells) {
                    break outer;
                }
                body.append(n++ == 0 ? "" : ",").append(k < 0
                        ? "{\"fn\":\"PRICE\",\"args\":[\"" + code + "\"]}"
                        : "{\"fn\":\"QUOTE\",\"args\":[\"" + code + "\",\"" + QUOTE_FIELDS.get(k) + "\"]}");
            }
        }
        body.append("]}");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long ok = 0;
        long failed = 0;
        for (int r = 0; r < rounds; r++) {
            if (r > 0) {
                Thread.sleep(2000);
            }
            HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/batch"))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("/v1/batch answered " + resp.statusCode() + ": " + resp.body());
            }
            failed = count(resp.body(), "\"error\":");
            ok = cells - failed;
        }
        return new long[] {ok, failed};
    }

    private static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
