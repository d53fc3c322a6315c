package io.kisbridge.bench;

import io.kisbridge.bench.internal.Options;
import io.kisbridge.bench.internal.ResultLine;
import io.kisbridge.bench.internal.SimulatedBridge;
import io.kisbridge.bench.internal.Stats;
import io.kisbridge.bench.internal.Wrk;
import io.kisbridge.core.KisEnvironment;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cached {@code GET /v1/fn/PRICE/{code}} throughput and latency, measured by wrk against a bridge on the in-process
 * simulator (real mode, the bridge's default options). The cache is warmed first; during the run a code's cached
 * price expires every cache TTL (2 s) and one request per code pays a refresh, as in use.
 */
public final class ThroughputDriver implements Driver {
    @Override
    public String name() {
        return "throughput";
    }

    @Override
    public String summary() {
        return "cached GET /v1/fn/PRICE throughput and latency p50/p99 with wrk (needs wrk installed)";
    }

    private Options options() {
        return new Options(name())
                .option("duration", "10", "seconds of one measured wrk run")
                .option("warmup", "10", "seconds of an unreported wrk run first (JIT, connections)")
                .option("connections", "50", "wrk connections")
                .option("threads", "2", "wrk threads")
                .option("runs", "3", "measured runs; medians")
                .option("codes", "5", "codes the requests cycle over")
                .option("cache-ttl", "", "the bridge's cache TTL in seconds (default: the bridge's own; a long one"
                        + " leaves out the refreshes)")
                .option("wrk", "wrk", "the wrk executable (a name on PATH or a path)");
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options o = options();
        int duration;
        int warmup;
        int connections;
        int threads;
        int runs;
        int codeCount;
        Duration cacheTtl;
        try {
            if (o.parse(args)) {
                out.print(o.usage(summary()));
                return 0;
            }
            duration = o.positiveInt("duration");
            warmup = o.nonNegativeInt("warmup");
            connections = o.positiveInt("connections");
            threads = o.positiveInt("threads");
            runs = o.positiveInt("runs");
            codeCount = o.positiveInt("codes");
            cacheTtl = o.string("cache-ttl").isEmpty() ? null : Duration.ofSeconds(o.positiveInt("cache-ttl"));
        } catch (IllegalArgumentException e) {
            out.println("throughput: " + e.getMessage());
            return 2;
        }
        Optional<Wrk> found = Wrk.find(o.string("wrk"));
        if (found.isEmpty()) {
            out.println("throughput: the load tool wrk was not found (" + o.string("wrk") + "); " + Wrk.INSTALL_HINT);
            return 3;
        }
        Wrk wrk = found.get();
        try (SimulatedBridge b = SimulatedBridge.start(KisEnvironment.REAL, codeCount,
                opts -> cacheTtl == null ? opts : opts.withCacheTtl(cacheTtl))) {
            List<String> codes = b.codes(codeCount);
            warm(b, codes);
            String script = luaCycling(codes);
            out.printf("throughput: wrk -t%d -c%d -d%ds --latency over %d codes (%s), %d run(s) after a %d s warm-up,"
                    + " cache TTL %s%n", threads, connections, duration, codes.size(), String.join(",", codes), runs,
                    warmup, cacheTtl == null ? "default" : cacheTtl.toSeconds() + " s");
            if (warmup > 0) {
                wrk.run(b.url(), script, threads, connections, warmup);
            }
            List<Wrk.Report> reports = new ArrayList<>();
            long callsBefore = kisCalls(b);
            for (int r = 1; r <= runs; r++) {
                Wrk.Report rep = wrk.run(b.url(), script, threads, connections, duration);
                reports.add(rep);
                out.printf("  run %d: %,.0f req/s, p50 %.0f us, p90 %.0f us, p99 %.0f us, %,d requests, %d non-2xx,"
                        + " %d socket errors%n", r, rep.requestsPerSecond(), rep.p50Micros(), rep.p90Micros(),
                        rep.p99Micros(), rep.requests(), rep.non2xx(), rep.socketErrors());
            }
            long refreshCalls = kisCalls(b) - callsBefore;
            String stillRight = checkPrices(b, codes);
            double rps = Stats.median(reports.stream().map(Wrk.Report::requestsPerSecond).toList());
            double p50 = Stats.median(reports.stream().map(Wrk.Report::p50Micros).toList());
            double p99 = Stats.median(reports.stream().map(Wrk.Report::p99Micros).toList());
            long non2xx = reports.stream().mapToLong(Wrk.Report::non2xx).sum();
            long socketErrors = reports.stream().mapToLong(Wrk.Report::socketErrors).sum();
            out.printf("  median %,.0f req/s, p50 %.0f us, p99 %.0f us; %d KIS calls refreshed the cache during the"
                    + " runs; answers after the runs: %s%n", rps, p50, p99, refreshCalls,
                    stillRight == null ? "right" : stillRight);
            out.println(new ResultLine(name()).put("rps", rps).put("p50_us", p50).put("p99_us", p99)
                    .put("non2xx", non2xx).put("socket_errors", socketErrors).put("kis_calls", refreshCalls)
                    .put("runs", runs).put("duration_s", duration).put("connections", connections)
                    .put("threads", threads).put("prices_right", stillRight == null));
            return stillRight == null ? 0 : 1;
        }
    }

    /** wrk's Lua: each thread cycles over the codes' PRICE paths. */
    static String luaCycling(List<String> codes) {
        String paths = codes.stream().map(c -> "\"/v1/fn/PRICE/" + c + "\"").collect(Collectors.joining(", "));
        return "local paths = {" + paths + "}\n"
                + "local i = 0\n"
                + "request = function()\n"
                + "  i = i + 1\n"
                + "  return wrk.format(\"GET\", paths[(i % #paths) + 1])\n"
                + "end\n";
    }

    private static void warm(SimulatedBridge b, List<String> codes) throws Exception {
        String problem = checkPrices(b, codes);
        if (problem != null) {
            throw new IllegalStateException("the bridge does not answer PRICE before the load: " + problem);
        }
    }

    /** null when every code's PRICE is the simulator's price, else the first difference. */
    private static String checkPrices(SimulatedBridge b, List<String> codes) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            for (String code : codes) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(b.url() + "/v1/fn/PRICE/" + code))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                String expected = Long.toString(b.simulator().market().lastPrice(code));
                if (r.statusCode() != 200 || !r.body().strip().equals(expected)) {
                    return code + " answered HTTP " + r.statusCode() + " '" + r.body().strip() + "', expected " + expected;
                }
            }
            return null;
        }
    }

    private static long kisCalls(SimulatedBridge b) {
        return b.simulator().counters().callsByTrId().values().stream().mapToLong(Long::longValue).sum();
    }
}
