package io.kisbridge.bench;

import io.kisbridge.bench.internal.Options;
import io.kisbridge.bench.internal.PriceStorm;
import io.kisbridge.bench.internal.ResultLine;
import io.kisbridge.bench.internal.SimulatedBridge;
import io.kisbridge.bench.internal.Stats;
import io.kisbridge.bench.internal.Wrk;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.simulator.Counters;
import io.kisbridge.simulator.SimEnvironment;
import io.kisbridge.bridge.BridgeOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recalculation storm through a live bridge: N PRICE cells over M codes asked concurrently over HTTP, against a
 * fresh in-process simulator per run, in the add-in's form (POST /v1/batch), the WEBSERVICE form (a GET per cell) or
 * both. Counts the KIS calls at the simulator (by TR ID, tokens apart), EGW00201 rejections there and errors in the
 * cells, and the wall time from the first request to the last answer.
 */
public final class StormDriver implements Driver {
    /** How cells reach the bridge. */
    enum Via {
        ADDIN("addin"), WEBSERVICE("webservice");

        final String id;

        Via(String id) {
            this.id = id;
        }
    }

    private static final int WRK_THREADS = 2;

    /** Paper trading: the simulator's (and KIS's) limit, which the client's limiter keeps to. */
    private static final int PAPER_CALLS_PER_SECOND = 2;

    @Override
    public String name() {
        return "storm";
    }

    @Override
    public String summary() {
        return "N PRICE cells over M codes through the bridge at once: KIS calls, EGW00201, failed cells, wall time";
    }

    private Options options() {
        return new Options(name())
                .option("cells", "10000", "PRICE cells in one storm")
                .option("codes", "500", "distinct codes the cells ask for (cell i asks code i mod M)")
                .option("env", "both", "real, paper or both (paper: one inquire-price per code at 2 calls/s)")
                .option("runs", "3", "storms per environment, each on a fresh simulator and bridge; medians")
                .option("via", "both", "addin (POST /v1/batch as the Excel add-in sends it), webservice (a GET per "
                        + "cell, as WEBSERVICE does) or both")
                .option("concurrency", "200", "webservice: requests in flight at once")
                .option("wrk", "wrk", "webservice: the wrk executable sending the GETs (without it: java.net.http in "
                        + "this JVM, which is slower than the bridge and lengthens the storm)")
                .option("batch-size", "500", "addin: calls per POST /v1/batch (the add-in flushes at 500)")
                .option("batches-in-flight", "6", "addin: batches in flight at once (a browser's connections per "
                        + "host)")
                .option("cache-ttl", "", "the bridge's cache TTL in seconds (default: the bridge's own, "
                        + BridgeOptions.defaults(Path.of(".")).cacheTtl().toSeconds() + " s)");
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options o = options();
        int cells;
        int codes;
        int runs;
        int concurrency;
        int batchSize;
        int batchesInFlight;
        List<Via> vias;
        Optional<Wrk> wrk;
        Duration cacheTtl;
        List<KisEnvironment> envs;
        try {
            if (o.parse(args)) {
                out.print(o.usage(summary()));
                return 0;
            }
            cells = o.positiveInt("cells");
            codes = o.positiveInt("codes");
            runs = o.positiveInt("runs");
            concurrency = o.positiveInt("concurrency");
            batchSize = o.positiveInt("batch-size");
            wrk = Wrk.find(o.string("wrk"));
            batchesInFlight = o.positiveInt("batches-in-flight");
            vias = switch (o.string("via")) {
                case "addin" -> List.of(Via.ADDIN);
                case "webservice" -> List.of(Via.WEBSERVICE);
                case "both" -> List.of(Via.ADDIN, Via.WEBSERVICE);
                default -> throw new IllegalArgumentException("--via must be addin, webservice or both; got '"
                        + o.string("via") + "'");
            };
            SimulatedBridge.checkCodes(codes);
            cacheTtl = o.string("cache-ttl").isEmpty() ? null : Duration.ofSeconds(o.positiveInt("cache-ttl"));
            envs = switch (o.string("env")) {
                case "real" -> List.of(KisEnvironment.REAL);
                case "paper" -> List.of(KisEnvironment.PAPER);
                case "both" -> List.of(KisEnvironment.REAL, KisEnvironment.PAPER);
                default -> throw new IllegalArgumentException("--env must be real, paper or both; got '"
                        + o.string("env") + "'");
            };
        } catch (IllegalArgumentException e) {
            out.println("storm: " + e.getMessage());
            return 2;
        }
        out.printf("storm: %,d PRICE cells over %,d codes; add-in: %d calls a batch, %d batches in flight; webservice: "
                + "%d GETs in flight; cache TTL %s; %d run(s) per environment and form%n", cells, codes, batchSize,
                batchesInFlight, concurrency, cacheTtl == null ? "default" : cacheTtl.toSeconds() + " s", runs);
        if (vias.contains(Via.WEBSERVICE)) {
            out.println(wrk.map(w -> "  webservice GETs sent by wrk (2 threads)").orElse("  webservice GETs sent by "
                    + "java.net.http (wrk not found: " + Wrk.INSTALL_HINT + ")"));
        }
        ResultLine result = new ResultLine(name()).put("cells", cells).put("codes", codes).put("runs", runs)
                .put("concurrency", concurrency).put("batch_size", batchSize).put("batches_in_flight", batchesInFlight)
                .put("cache_ttl_s", cacheTtl == null ? "default" : cacheTtl.toSeconds())
                .put("webservice_client", wrk.isPresent() ? "wrk" : "java");
        for (KisEnvironment env : envs) {
            if (env == KisEnvironment.PAPER) {
                out.printf("  paper has no intstock-multprice: at least %d s a run (%d codes at %d calls/s)%s%n",
                        codes / PAPER_CALLS_PER_SECOND, codes, PAPER_CALLS_PER_SECOND, cacheTtl != null ? ""
                                : "; with the 2-s cache TTL a code asked again later costs a background refresh");
            }
            for (Via via : vias) {
                List<RunFigures> figures = new ArrayList<>();
                for (int r = 1; r <= runs; r++) {
                    RunFigures f = runOnce(env, via, wrk, cells, codes, via == Via.ADDIN ? batchSize : concurrency,
                            batchesInFlight, cacheTtl);
                    figures.add(f);
                    out.printf("  %s %s run %d: %s%n", env.id(), via.id, r, f.describe());
                }
                summarize(env.id() + "." + via.id, figures, result, out);
            }
        }
        out.println(result);
        return 0;
    }

    /** One run's figures; {@code callsByTrId} holds REST calls only, {@code tokens} the token issuances. */
    record RunFigures(long wallMs, long calls, Map<String, Long> callsByTrId, long tokens, long simEgw,
                      int maxCallsInASecond, long failedCells, long cellEgw, Map<String, Long> cellErrors) {
        String describe() {
            return String.format("%,d ms, %d KIS calls %s + %d token, max %d/s, EGW00201 %d at the simulator, "
                    + "%d failed cells%s", wallMs, calls, callsByTrId, tokens, maxCallsInASecond, simEgw, failedCells,
                    cellErrors.isEmpty() ? "" : " " + cellErrors);
        }
    }

    /** Longer than any storm the driver runs (500 codes in paper mode: about 5 minutes). */
    private static final Duration STORM_DEADLINE = Duration.ofMinutes(30);

    /** {@code perRequest}: cells per batch (add-in) or GETs in flight (webservice). */
    private static RunFigures runOnce(KisEnvironment env, Via via, Optional<Wrk> wrk, int cells, int codeCount,
                                      int perRequest, int batchesInFlight, Duration cacheTtl)
            throws InterruptedException, IOException {
        // the storm measures how many KIS calls and how long a whole sheet takes, so no cell may give up at the
        // bridge's answer deadlines (10 s /v1/fn, 60 s batch: a paper storm of 20 codes alone takes 10 s)
        try (SimulatedBridge b = SimulatedBridge.start(env, codeCount,
                o -> (cacheTtl == null ? o : o.withCacheTtl(cacheTtl)).withFnDeadline(STORM_DEADLINE)
                        .withBatchDeadline(STORM_DEADLINE))) {
            List<String> codes = b.codes(codeCount);
            Map<String, Long> expected = new LinkedHashMap<>();
            codes.forEach(c -> expected.put(c, b.simulator().market().lastPrice(c)));
            PriceStorm.Outcome outcome = via == Via.ADDIN
                    ? PriceStorm.runBatched(b.url(), codes, expected, cells, perRequest, batchesInFlight)
                    : wrk.isPresent()
                    ? PriceStorm.runWithWrk(wrk.get(), b.url(), codes, expected, cells, perRequest,
                            Math.min(WRK_THREADS, cells))
                    : PriceStorm.run(b.url(), codes, expected, cells, perRequest);
            Counters c = b.simulator().counters();
            Map<String, Long> byTr = c.callsByTrId();
            long calls = byTr.values().stream().mapToLong(Long::longValue).sum();
            SimEnvironment se = env == KisEnvironment.REAL ? SimEnvironment.REAL : SimEnvironment.PAPER;
            return new RunFigures(outcome.wallNanos() / 1_000_000, calls, byTr, c.tokenIssuances(),
                    c.rateLimitRejections(), c.maxCallsInAnySecond(se), outcome.failedCells(),
                    outcome.rateLimitedCells(), outcome.errorKinds());
        }
    }

    private static void summarize(String env, List<RunFigures> runs, ResultLine result, PrintStream out) {
        double calls = Stats.median(runs.stream().map(RunFigures::calls).toList());
        double wall = Stats.median(runs.stream().map(RunFigures::wallMs).toList());
        long egw = Stats.max(runs.stream().map(RunFigures::simEgw).toList());
        long cellEgw = Stats.max(runs.stream().map(RunFigures::cellEgw).toList());
        long failed = Stats.max(runs.stream().map(RunFigures::failedCells).toList());
        long tokens = Stats.max(runs.stream().map(RunFigures::tokens).toList());
        out.printf("  %s: median %,.0f ms, median %.0f KIS calls (+%d token), worst run: %d EGW00201 at the "
                + "simulator, %d cells rate-limited, %d failed cells%n", env, wall, calls, tokens, egw, cellEgw, failed);
        result.put(env + ".calls", calls)
                .put(env + ".calls_max", Stats.max(runs.stream().map(RunFigures::calls).toList()))
                .put(env + ".tokens", tokens)
                .put(env + ".egw00201", egw)
                .put(env + ".cell_egw00201", cellEgw)
                .put(env + ".failed", failed)
                .put(env + ".wall_ms", wall);
        Map<String, Long> byTr = new java.util.TreeMap<>();
        for (RunFigures f : runs) {
            f.callsByTrId().forEach((tr, n) -> byTr.merge(tr, n, Math::max));
        }
        byTr.forEach((tr, n) -> result.put(env + ".calls_max." + tr, n));
    }
}
