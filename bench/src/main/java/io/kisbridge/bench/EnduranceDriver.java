package io.kisbridge.bench;

import io.kisbridge.bench.internal.Options;
import io.kisbridge.bench.internal.ProcessStats;
import io.kisbridge.bench.internal.RealtimeRig;
import io.kisbridge.bench.internal.ShiftableClock;
import io.kisbridge.bench.internal.StreamClient;
import io.kisbridge.simulator.KisSimulator;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Staying up (opt-in; CI runs a 20 s smoke): simulator, client and bridge in this process for {@code --minutes};
 * {@code --clients} /v1/stream clients watch {@code --topics} trade topics (41 = the KIS registration cap) while the
 * driver trades every watched code five times a second; a steady background of {@code GET /v1/fn/PRICE/CODE} cells
 * ({@code --cell-rate} per second, round robin over the simulator's codes, so most miss the 2 s cache and reach
 * KIS); the simulator drops every KIS WebSocket session every {@code --drop-every}; access tokens expire every
 * {@code --token-lifetime}.
 *
 * <p>Token expiry: a lifetime of 2 minutes or more is the simulator's own token lifetime (the client renews a
 * minute before the end, within KIS's one-token-per-minute rule). A shorter one (the CI smoke) cannot be honoured
 * that way: the client keeps the one-token-per-minute rule and would wait out the minute (a cell would hang for it).
 * So every period the simulator's {@code expireTokens} fault fires (the next call answers EGW00123) and the business
 * clock shared by simulator and client jumps a minute ahead ("the token ran out a while after it was issued"), so
 * the client re-issues at once. {@code --token-mode} picks one of the two whatever the lifetime.
 *
 * <p>Counted: a subscription is lost when, just before the next drop (or at the end), a watched topic has not
 * delivered data to every client since the last drop, or the simulator holds fewer registrations than topics. A
 * cell fails when the bridge answers anything but HTTP 200 with a number. Heap after GC and RSS are sampled every
 * {@code --sample-every}; the report gives first, last and the least-squares slope per minute.
 */
public final class EnduranceDriver implements Driver {
    @Override
    public String name() {
        return "endurance";
    }

    @Override
    public String summary() {
        return "opt-in soak: KIS WebSocket dropped and tokens expiring while cells and streams run (lost, failed, memory)";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options f = new Options(name())
                .option("minutes", "10", "length of the soak")
                .option("drop-every", "30s", "the simulator drops every KIS WebSocket session this often")
                .option("token-lifetime", "2m", "access tokens expire this often")
                .option("token-mode", "auto", "lifetime (the simulator's token lifetime), fault (expireTokens fault "
                        + "and a minute's clock jump each period) or auto (lifetime from 2m up, else fault)")
                .option("topics", "41", "trade topics watched (at most 41, the KIS registration cap)")
                .option("clients", "2", "/v1/stream clients, each watching every topic")
                .option("cell-rate", "10", "PRICE cell requests per second through the bridge")
                .option("sample-every", "60s", "memory sample period");
        if (f.parse(args)) {
            out.print(f.usage(summary()));
            return 0;
        }
        Duration total = f.duration("minutes").multipliedBy(60);
        Duration dropEvery = f.duration("drop-every");
        Duration tokenLifetime = f.duration("token-lifetime");
        int topics = f.integer("topics", 1);
        if (topics > 41) {
            throw new IllegalArgumentException("--topics must be at most 41 (the KIS registration cap); got " + topics);
        }
        int clients = f.integer("clients", 1);
        int cellRate = f.integer("cell-rate", 0);
        Duration sampleEvery = f.duration("sample-every");
        if (dropEvery.isZero() || tokenLifetime.isZero() || sampleEvery.isZero() || total.isZero()) {
            throw new IllegalArgumentException("--minutes, --drop-every, --token-lifetime and --sample-every must be "
                    + "longer than zero");
        }
        boolean naturalExpiry = switch (f.string("token-mode")) {
            case "auto" -> tokenLifetime.compareTo(Duration.ofMinutes(2)) >= 0;
            case "lifetime" -> true;
            case "fault" -> false;
            default -> throw new IllegalArgumentException("--token-mode must be auto, lifetime or fault; got "
                    + f.string("token-mode"));
        };

        ShiftableClock clock = new ShiftableClock();
        try (RealtimeRig rig = RealtimeRig.start(clock, s -> tokens(s.autoTicks(false), naturalExpiry, tokenLifetime),
                o -> o)) {
            KisSimulator sim = rig.simulator();
            List<String> codes = sim.market().codes().subList(0, topics);
            List<String> allCodes = sim.market().codes();
            out.printf("endurance: %s, KIS WebSocket dropped every %ds, tokens expire every %ds (%s), %d clients x %d "
                    + "topics, %d PRICE cells/s%n", total, dropEvery.toSeconds(), tokenLifetime.toSeconds(),
                    naturalExpiry ? "simulator token lifetime" : "expireTokens fault", clients, topics, cellRate);

            // per client: topic -> nanoTime of its last data message
            List<Map<String, Long>> lastData = new ArrayList<>();
            List<StreamClient> sockets = new ArrayList<>();
            List<String> socketTrouble = new CopyOnWriteArrayList<>();
            ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "bench-endurance");
                t.setDaemon(true);
                return t;
            });
            AtomicLong cellsOk = new AtomicLong();
            AtomicLong cellsFailed = new AtomicLong();
            List<String> failures = new CopyOnWriteArrayList<>();
            Thread cellThread = null;
            try {
                for (int i = 0; i < clients; i++) {
                    Map<String, Long> seen = new ConcurrentHashMap<>();
                    lastData.add(seen);
                    StreamClient c = new StreamClient(rig.streamUrl(), (text, at) -> {
                        if (text.contains("\"data\"")) {
                            seen.put(StreamClient.field(text, "topic"), at);
                        }
                    }, socketTrouble::add);
                    if (!c.connectBlocking(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("cannot connect to " + rig.streamUrl());
                    }
                    sockets.add(c);
                    codes.forEach(code -> c.subscribe("trade:" + code));
                }
                timers.scheduleAtFixedRate(() -> codes.forEach(code -> sim.market().tick(code)), 0, 200,
                        TimeUnit.MILLISECONDS);
                if (!naturalExpiry) {
                    timers.scheduleAtFixedRate(() -> {
                        clock.shift(Duration.ofSeconds(61));
                        sim.faults().expireTokens();
                    }, tokenLifetime.toMillis(), tokenLifetime.toMillis(), TimeUnit.MILLISECONDS);
                }
                long start = System.nanoTime();
                if (cellRate > 0) {
                    cellThread = Thread.ofPlatform().daemon().name("bench-endurance-cells").start(() ->
                            cells(rig.bridge().url(), allCodes, cellRate, start + total.toNanos(), cellsOk, cellsFailed,
                                    failures));
                }

                List<double[]> samples = new ArrayList<>(); // {minutes, heap MiB, rss MiB}
                sample(samples, start, out);
                long nextSample = start + sampleEvery.toNanos();
                long end = start + total.toNanos();
                long intervalStart = start;
                int drops = 0;
                int lost = 0;
                List<String> lostDetail = new ArrayList<>();
                while (true) {
                    long nextDrop = intervalStart + dropEvery.toNanos();
                    // the last interval runs to the end without a drop after it, so it too has a full period to recover
                    long stop = nextDrop + dropEvery.toNanos() > end ? end : nextDrop;
                    while (System.nanoTime() < stop) {
                        if (System.nanoTime() >= nextSample) {
                            sample(samples, start, out);
                            nextSample += sampleEvery.toNanos();
                        }
                        Thread.sleep(Math.max(1, Math.min(200, (stop - System.nanoTime()) / 1_000_000)));
                    }
                    int missing = missingTopics(codes, lastData, intervalStart);
                    int registrations = sim.counters().subscriptions();
                    int interval = Math.max(missing, topics - registrations);
                    if (interval > 0) {
                        lostDetail.add(String.format("%.1f min: %d topics without data since the last drop, %d "
                                + "registrations", (System.nanoTime() - start) / 6e10, missing, registrations));
                    }
                    lost += interval;
                    if (stop >= end) {
                        break;
                    }
                    sim.faults().dropWebSocketSessions();
                    drops++;
                    intervalStart = System.nanoTime();
                }
                sample(samples, start, out);
                if (cellThread != null) {
                    cellThread.join(30_000);
                }
                double[] heapFit = slope(samples, 1);
                double[] rssFit = slope(samples, 2);
                double[] first = samples.get(0);
                double[] last = samples.get(samples.size() - 1);
                lostDetail.forEach(d -> out.println("lost: " + d));
                failures.stream().limit(5).forEach(d -> out.println("failed cell: " + d));
                socketTrouble.stream().limit(5).forEach(d -> out.println("stream client closed: " + d));
                out.printf("%d drops, %d lost subscriptions, %d cells ok, %d failed, %d tokens issued, heap %.1f -> %.1f "
                        + "MiB (%.2f MiB/min), RSS %.1f -> %.1f MiB (%.2f MiB/min)%n", drops, lost, cellsOk.get(),
                        cellsFailed.get(), sim.counters().tokenIssuances(), first[1], last[1], heapFit[0], first[2],
                        last[2], rssFit[0]);
                out.printf("RESULT endurance minutes=%.2f drops=%d lost_subscriptions=%d cells_ok=%d cells_failed=%d "
                        + "tokens_issued=%d token_mode=%s heap_first_mib=%.1f heap_last_mib=%.1f "
                        + "heap_slope_mib_per_min=%.3f rss_first_mib=%.1f rss_last_mib=%.1f rss_slope_mib_per_min=%.3f "
                        + "stream_clients_closed=%d load=%.2f%n", total.toMillis() / 60_000.0, drops, lost,
                        cellsOk.get(), cellsFailed.get(), sim.counters().tokenIssuances(),
                        naturalExpiry ? "lifetime" : "fault", first[1], last[1], heapFit[0], first[2], last[2],
                        rssFit[0], socketTrouble.size(), ProcessStats.loadAverage());
            } finally {
                timers.shutdownNow();
                if (cellThread != null) {
                    cellThread.interrupt();
                }
                for (StreamClient c : sockets) {
                    c.closeBlocking();
                }
            }
        }
        return 0;
    }

    private static KisSimulator.Builder tokens(KisSimulator.Builder b, boolean natural, Duration lifetime) {
        return natural ? b.tokenLifetime(lifetime) : b;
    }

    /** Topics some client has had no data for since {@code since}. */
    private static int missingTopics(List<String> codes, List<Map<String, Long>> lastData, long since) {
        int missing = 0;
        for (String code : codes) {
            String topic = "trade:" + code;
            for (Map<String, Long> seen : lastData) {
                Long at = seen.get(topic);
                if (at == null || at < since) {
                    missing++;
                    break;
                }
            }
        }
        return missing;
    }

    private static void cells(String bridgeUrl, List<String> codes, int perSecond, long endNanos, AtomicLong ok,
            AtomicLong failed, List<String> failures) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long period = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        int i = 0;
        while (System.nanoTime() < endNanos && !Thread.currentThread().isInterrupted()) {
            String code = codes.get(i++ % codes.size());
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bridgeUrl + "/v1/fn/PRICE/" + code))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().strip().matches("\\d+")) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    failures.add(code + ": HTTP " + r.statusCode() + " " + r.body().strip());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failed.incrementAndGet();
                failures.add(code + ": " + e);
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void sample(List<double[]> samples, long start, PrintStream out) {
        double minutes = (System.nanoTime() - start) / 6e10;
        double heap = ProcessStats.heapUsedAfterGcBytes() / 1048576.0;
        double rss = ProcessStats.selfRssKib() / 1024.0;
        samples.add(new double[] {minutes, heap, rss});
        out.printf("  %6.2f min  heap after GC %7.1f MiB  RSS %7.1f MiB%n", minutes, heap, rss);
    }

    /** Least-squares slope of column {@code col} against minutes: {slope per minute}. */
    private static double[] slope(List<double[]> samples, int col) {
        int n = samples.size();
        if (n < 2) {
            return new double[] {0};
        }
        double mx = 0;
        double my = 0;
        for (double[] s : samples) {
            mx += s[0];
            my += s[col];
        }
        mx /= n;
        my /= n;
        double num = 0;
        double den = 0;
        for (double[] s : samples) {
            num += (s[0] - mx) * (s[col] - my);
            den += (s[0] - mx) * (s[0] - mx);
        }
        return new double[] {den == 0 ? 0 : num / den};
    }
}
