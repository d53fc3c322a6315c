package io.kisbridge.bench;

import io.kisbridge.bench.internal.Options;
import io.kisbridge.bench.internal.LongList;
import io.kisbridge.bench.internal.Percentiles;
import io.kisbridge.bench.internal.ProcessStats;
import io.kisbridge.bench.internal.RealtimeRig;
import io.kisbridge.bench.internal.StreamClient;
import io.kisbridge.bench.internal.StreamClients;
import io.kisbridge.bench.internal.StreamConnection;
import io.kisbridge.bench.internal.ThreadCpu;
import io.kisbridge.bridge.StreamCounters;
import io.kisbridge.core.realtime.FeedCounters;
import io.kisbridge.simulator.SimulatedMarket;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Tick-to-client latency of the realtime path, all in this process: a pacer thread moves the simulator's market at
 * {@code --rate} trades per second (round robin over {@code --codes} codes; the simulator's own timer is off and its
 * 20 ms trade batching is off unless {@code --batch-window} says otherwise), the simulator's KIS WebSocket sends each
 * trade to core's realtime feed, the bridge's StreamHub encodes it for {@code /v1/stream}, and {@code --clients}
 * WebSocket clients, each subscribed to every code's trade topic, receive it.
 *
 * <p>What is timed: the pacer reads {@code System.nanoTime()} just before it asks the simulator for the trade and
 * files it under the trade's identity (code, cumulative volume {@code acml_vol}, which grows with every trade); a
 * client reads {@code System.nanoTime()} when its message arrives and looks the identity up. So a latency is the whole
 * path: simulated KIS producing and sending the frame, the feed parsing it, the bridge encoding and sending, the
 * client decoding. The bridge delivers the latest value per topic and client (a client that falls behind skips to
 * the newest trade: "conflated"); conflated trades are counted, not timed. With {@code --conflate false} the clients
 * subscribe with {@code "conflate":false} and get every record; what overflows a socket's outbox is dropped by the
 * bridge and reported ({@code records_dropped}, {@code gaps}), which is what the run then shows next to delivered.
 *
 * <p>One run is a {@code --seconds} window at the rate after a shared warm-up; p50/p99/max are over every message
 * delivered in the window; the report gives each run and the median of the runs' p50 and p99. CPU is the whole
 * process (simulator, feed, bridge and clients share it) as cores busy over the window, and split by thread
 * (ThreadMXBean): the clients' threads, the simulator's and the pacer's, the bridge's (feed, bridge, Jetty and the
 * carriers of their virtual threads: everything else that is a Java thread) and the rest (GC, JIT, ended threads).
 *
 * <p>The clients ({@code --client}) are the load generator and share the two cores with the bridge, so they must cost
 * as little as possible, or they, not the bridge, become the bottleneck: a client that reads slower than the bridge
 * sends lets megabytes queue in the kernel's socket buffers (latencies of seconds) instead of the bridge skipping to
 * the newest value. The default, {@code java-websocket} ({@link io.kisbridge.bench.internal.JavaWebSocketClients}, a
 * reading thread per socket, the driver's client from the start) keeps up best here: measured 2026-11-24 at 10 k
 * trades/s × 100 clients it used ~1.1 cores for ~200 k messages/s and the bridge skipped to newest values as meant
 * (p99 ~40 ms). {@code jetty} (Jetty's WebSocketClient, one selector and {@code --client-threads} pool threads for
 * all sockets) costs less CPU per message (~1.7 µs at 10 k) but with only 3 threads falls behind at 10 k × 100:
 * the backlog then waits in the kernel's socket buffers (p99 0.3–1.5 s), which measures the clients, not the
 * bridge; at 1 k it gives p99 ~10 ms. {@code jdk} (java.net.http.WebSocket on one shared HttpClient) falls behind
 * the same way (seconds). Each receives every message and decodes it into a String; what is timed and counted is
 * the same for all three.
 */
public final class LatencyDriver implements Driver {
    @Override
    public String name() {
        return "latency";
    }

    @Override
    public String summary() {
        return "tick-to-client latency: simulator trades -> feed -> bridge -> N /v1/stream clients (p50/p99, CPU)";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options f = new Options(name())
                .option("rate", "1000", "simulated trades per second (all codes together)")
                .option("clients", "100", "WebSocket clients on /v1/stream, each subscribed to every code")
                .option("codes", "41", "codes traded and subscribed (at most 41, the KIS registration cap)")
                .option("seconds", "10", "length of one measured run")
                .option("runs", "3", "measured runs (the report gives their median)")
                .option("warmup", "5", "seconds of load before the first run, not measured")
                .option("batch-window", "0ms", "the simulator's H0STCNT0 batching window (KIS-like: 20ms)")
                .option("client", StreamClients.KINDS.get(0), "WebSocket client: java-websocket (a reading thread "
                        + "per socket), jetty (Jetty's WebSocketClient, one selector and --client-threads pool threads "
                        + "for all sockets; cheaper per message but falls behind at 10k x 100) or jdk "
                        + "(java.net.http.WebSocket, one shared HttpClient)")
                .option("client-threads", "2", "pool threads shared by all jetty clients (besides its selector) or "
                        + "jdk clients (executor); fewer than the cores lets the clients fall behind the bridge")
                .option("top-threads", "0", "also print the N busiest threads of each run (who used the CPU)")
                .option("conflate", "true", "false: the clients subscribe with \"conflate\":false and get every "
                        + "record (the bridge drops what overflows a socket's 10,000-message outbox and reports the "
                        + "gap); true: latest value wins, the default");
        if (f.parse(args)) {
            out.print(f.usage(summary()));
            return 0;
        }
        int rate = f.integer("rate", 1);
        int clients = f.integer("clients", 1);
        int codes = f.integer("codes", 1);
        if (codes > 41) {
            throw new IllegalArgumentException("--codes must be at most 41 (the KIS registration cap; more topics "
                    + "would be REST-polled, not streamed); got " + codes);
        }
        Duration window = f.duration("seconds");
        int runs = f.integer("runs", 1);
        Duration warmup = f.duration("warmup");
        Duration batch = f.duration("batch-window");
        int topThreads = f.nonNegativeInt("top-threads");
        String conflateFlag = f.string("conflate").strip().toLowerCase(java.util.Locale.ROOT);
        if (!conflateFlag.equals("true") && !conflateFlag.equals("false")) {
            throw new IllegalArgumentException("--conflate must be true or false; got " + f.string("conflate"));
        }
        boolean conflate = conflateFlag.equals("true");

        try (RealtimeRig rig = RealtimeRig.start(s -> s.autoTicks(false).tradeBatchWindow(batch), o -> o)) {
            SimulatedMarket market = rig.simulator().market();
            List<String> codeList = market.codes().subList(0, codes);
            Map<String, Integer> codeIndex = new HashMap<>();
            for (int i = 0; i < codeList.size(); i++) {
                codeIndex.put(codeList.get(i), i);
            }
            Recorder recorder = new Recorder(codeIndex);
            List<StreamConnection> sockets = new ArrayList<>();
            try (StreamClients library = StreamClients.create(f.string("client"), f.positiveInt("client-threads"))) {
                out.printf("latency: %d clients x %d trade topics, %d trades/s, simulator batch window %d ms, %s%n",
                        clients, codes, rate, batch.toMillis(), conflate ? "latest value wins" : "every record");
                for (int i = 0; i < clients; i++) {
                    Recorder.Client rc = recorder.newClient();
                    StreamConnection c = library.connect(rig.streamUrl(), rc::onMessage, reason -> rc.closed = reason);
                    sockets.add(c);
                    for (String code : codeList) {
                        c.subscribe("trade:" + code, conflate);
                    }
                }
                awaitEveryClientSeesEveryCode(rig, market, codeList, recorder, out);
                out.printf("clients: %s%n", library.describe());
                ThreadSplit split = new ThreadSplit(library, rig, Thread.currentThread().threadId());

                Pacer pacer = new Pacer(market, codeList, codeIndex, recorder);
                pacer.run(rate, warmup);
                awaitQuiet(recorder);

                List<RunResult> results = new ArrayList<>();
                for (int r = 1; r <= runs; r++) {
                    RunResult res = measure(rig, pacer, recorder, rate, window, clients, split);
                    results.add(res);
                    out.printf("run %d: %s%n", r, res.describe());
                    if (topThreads > 0) {
                        out.print(split.busiest(topThreads));
                    }
                }
                double p50 = Percentiles.median(results.stream().mapToDouble(RunResult::p50Ms).toArray());
                double p99 = Percentiles.median(results.stream().mapToDouble(RunResult::p99Ms).toArray());
                double max = results.stream().mapToDouble(RunResult::maxMs).max().orElse(Double.NaN);
                double cpu = Percentiles.median(results.stream().mapToDouble(RunResult::cpuCores).toArray());
                double clientCpu = Percentiles.median(results.stream().mapToDouble(r -> r.cpu().clients()).toArray());
                double simCpu = Percentiles.median(results.stream().mapToDouble(r -> r.cpu().simulator()).toArray());
                double bridgeCpu = Percentiles.median(results.stream().mapToDouble(r -> r.cpu().bridge()).toArray());
                double otherCpu = Percentiles.median(results.stream().mapToDouble(r -> r.cpu().other()).toArray());
                double bridgeUsPerMsg = Percentiles.median(
                        results.stream().mapToDouble(RunResult::bridgeMicrosPerMessage).toArray());
                double achieved = Percentiles.median(results.stream().mapToDouble(RunResult::achievedRate).toArray());
                double deliveredRate = Percentiles.median(
                        results.stream().mapToDouble(RunResult::deliveredRate).toArray());
                double perDrain = Percentiles.median(
                        results.stream().mapToDouble(RunResult::messagesPerDrain).toArray());
                long produced = results.stream().mapToLong(RunResult::produced).sum();
                long expected = results.stream().mapToLong(RunResult::expected).sum();
                long delivered = results.stream().mapToLong(RunResult::delivered).sum();
                long conflated = results.stream().mapToLong(RunResult::conflated).sum();
                long drops = results.stream().mapToLong(RunResult::drops).sum();
                long recordsDropped = results.stream().mapToLong(RunResult::recordsDropped).sum();
                long gaps = results.stream().mapToLong(RunResult::gaps).sum();
                out.printf("median of %d runs: p50 %.3f ms, p99 %.3f ms (target p99 < 5 ms: %s), max %.3f ms, "
                        + "CPU %.2f of %d cores (clients %.2f, simulator+pacer %.2f, bridge+feed %.2f, other %.2f; "
                        + "bridge %.1f us per delivered message), load %.2f%n", runs, p50, p99,
                        p99 < 5 ? "met" : "not met", max, cpu, ProcessStats.cores(), clientCpu, simCpu, bridgeCpu,
                        otherCpu, bridgeUsPerMsg, ProcessStats.loadAverage());
                out.printf("RESULT latency rate=%d achieved_rate=%.0f clients=%d codes=%d seconds=%s runs=%d "
                        + "client=%s p50_ms=%.3f p99_ms=%.3f max_ms=%.3f produced=%d expected=%d delivered=%d "
                        + "conflated=%d drops=%d cpu_cores=%.2f client_cpu_cores=%.2f sim_cpu_cores=%.2f "
                        + "bridge_cpu_cores=%.2f other_cpu_cores=%.2f bridge_us_per_msg=%.2f cores=%d load=%.2f "
                        + "delivered_per_s=%.0f messages_per_drain=%.1f conflate=%s records_dropped=%d gaps=%d%n",
                        rate, achieved, clients, codes, seconds(window), runs,
                        f.string("client").strip().toLowerCase(java.util.Locale.ROOT), p50, p99, max, produced,
                        expected, delivered, conflated, drops, cpu, clientCpu, simCpu, bridgeCpu, otherCpu,
                        bridgeUsPerMsg, ProcessStats.cores(), ProcessStats.loadAverage(), deliveredRate, perDrain,
                        conflate, recordsDropped, gaps);
            } finally {
                for (StreamConnection c : sockets) {
                    c.disconnect();
                }
            }
        }
        return 0;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }

    /** Ticks each code until every client has had a data message for every code (the path is up end to end). */
    private static void awaitEveryClientSeesEveryCode(RealtimeRig rig, SimulatedMarket market, List<String> codes,
            Recorder recorder, PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!recorder.everyClientSawEveryCode()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("after 60 s not every client receives every topic (feed "
                        + rig.feed().state() + ", " + rig.simulator().counters().subscriptions()
                        + " registrations at the simulator)");
            }
            for (String code : codes) {
                market.tick(code);
            }
            Thread.sleep(50);
        }
        out.printf("path up: %d registrations at the simulator, feed %s%n",
                rig.simulator().counters().subscriptions(), rig.feed().state().name().toLowerCase());
    }

    /** Waits until no message has arrived for 300 ms (at most 10 s): everything sent has been delivered. */
    private static void awaitQuiet(Recorder recorder) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = recorder.messages();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(300);
        }
    }

    private static RunResult measure(RealtimeRig rig, Pacer pacer, Recorder recorder, int rate, Duration window,
            int clients, ThreadSplit split) throws InterruptedException {
        FeedCounters fc = rig.feed().counters();
        // values replaced by newer ones, in the feed's listener queues or in the bridge's per-socket outboxes. The
        // bridge holds one feed listener per topic and fans it out to every socket, so a value conflated in the feed's
        // queue is one that none of the clients gets: it counts once per client.
        StreamCounters sc0 = rig.bridge().streamCounters();
        long conflated0 = fc.conflatedEvents() * clients + sc0.conflated();
        long dropped0 = fc.droppedEvents() * clients + sc0.dropped();
        long messages0 = sc0.messages();
        long recordsDropped0 = sc0.recordsDropped();
        long gaps0 = sc0.gaps();
        long batches0 = sc0.batches();
        recorder.startRun();
        Map<Long, ThreadCpu.Usage> threads0 = ThreadCpu.sample();
        long cpu0 = ProcessStats.cpuTimeNanos();
        long t0 = System.nanoTime();
        long produced = pacer.run(rate, window);
        long wall = System.nanoTime() - t0;
        long cpu = ProcessStats.cpuTimeNanos() - cpu0;
        CpuSplit cpuSplit = split.between(threads0, ThreadCpu.sample(), cpu, wall);
        awaitQuiet(recorder);
        Recorder.Run run = recorder.endRun();
        StreamCounters sc = rig.bridge().streamCounters();
        long conflated = fc.conflatedEvents() * clients + sc.conflated() - conflated0;
        long dropped = fc.droppedEvents() * clients + sc.dropped() - dropped0;
        long batches = sc.batches() - batches0;
        long recordsDropped = sc.recordsDropped() - recordsDropped0;
        long gaps = sc.gaps() - gaps0;
        double perDrain = batches == 0 ? 0 : (sc.messages() - messages0) / (double) batches;
        long expected = produced * clients;
        long delivered = run.latencies().length;
        // what neither arrived nor was replaced by a newer value: lost somewhere (or still queued at the end)
        long lost = Math.max(0, expected - delivered - conflated - dropped - recordsDropped);
        return new RunResult(produced, produced * 1e9 / wall, expected, delivered, conflated, dropped + lost,
                recordsDropped, gaps,
                run.unmatched(), Percentiles.at(run.latencies(), 0.50) / 1e6, Percentiles.at(run.latencies(), 0.99) / 1e6,
                run.latencies().length == 0 ? Double.NaN : run.latencies()[run.latencies().length - 1] / 1e6,
                cpu / (double) wall, delivered * 1e9 / wall, perDrain, cpuSplit);
    }

    record RunResult(long produced, double achievedRate, long expected, long delivered, long conflated, long drops,
                     long recordsDropped, long gaps, long unmatched, double p50Ms, double p99Ms, double maxMs, double cpuCores, double deliveredRate,
                     double messagesPerDrain, CpuSplit cpu) {
        /** Bridge + feed CPU per message delivered during the window (backlog drained after it is not counted). */
        double bridgeMicrosPerMessage() {
            return deliveredRate == 0 ? Double.NaN : cpu.bridge() / deliveredRate * 1e6;
        }

        String describe() {
            return String.format("%d trades (%.0f/s), %d of %d messages delivered (%.0f/s), %d conflated (latest value "
                    + "wins), %d records dropped for conflate:false sockets in %d gaps, %d dropped/lost, p50 %.3f ms, "
                    + "p99 %.3f ms, max %.3f ms, CPU %.2f cores (%s), %.1f messages per socket drain", produced,
                    achievedRate, delivered, expected, deliveredRate, conflated, recordsDropped, gaps, drops, p50Ms,
                    p99Ms, maxMs, cpuCores, cpu.describe(), messagesPerDrain);
        }
    }

    /** Cores busy over a window by who used them; {@code other} is the process total minus the live Java threads. */
    record CpuSplit(double clients, double simulator, double bridge, double other) {
        String describe() {
            return String.format("clients %.2f, simulator+pacer %.2f, bridge+feed %.2f, other %.2f", clients, simulator,
                    bridge, other);
        }
    }

    /** Sorts threads into clients, simulator (with the pacer) and bridge (the feed, the bridge, Jetty: the rest). */
    static final class ThreadSplit {
        private final StreamClients clients;
        private final RealtimeRig rig;
        private final long pacerThread;
        private Map<Long, ThreadCpu.Usage> last = Map.of();

        ThreadSplit(StreamClients clients, RealtimeRig rig, long pacerThread) {
            this.clients = clients;
            this.rig = rig;
            this.pacerThread = pacerThread;
        }

        CpuSplit between(Map<Long, ThreadCpu.Usage> before, Map<Long, ThreadCpu.Usage> after, long processNanos,
                long wallNanos) {
            last = ThreadCpu.between(before, after);
            long client = 0;
            long sim = 0;
            long bridge = 0;
            for (Map.Entry<Long, ThreadCpu.Usage> e : last.entrySet()) {
                switch (owner(e.getKey(), e.getValue().name())) {
                    case "client" -> client += e.getValue().cpuNanos();
                    case "simulator" -> sim += e.getValue().cpuNanos();
                    default -> bridge += e.getValue().cpuNanos();
                }
            }
            double w = wallNanos;
            return new CpuSplit(client / w, sim / w, bridge / w, (processNanos - client - sim - bridge) / w);
        }

        private String owner(long id, String name) {
            if (clients.isClientThread(id)) {
                return "client";
            }
            if (id == pacerThread || rig.isSimulatorThread(id, name)) {
                return "simulator";
            }
            return "bridge";
        }

        /** The busiest threads of the last window, one line each. */
        String busiest(int n) {
            StringBuilder b = new StringBuilder();
            last.entrySet().stream()
                    .sorted((x, y) -> Long.compare(y.getValue().cpuNanos(), x.getValue().cpuNanos())).limit(n)
                    .forEach(e -> b.append(String.format("  %-40s %-9s %8.1f ms CPU%n", e.getValue().name(),
                            owner(e.getKey(), e.getValue().name()), e.getValue().cpuNanos() / 1e6)));
            return b.toString();
        }
    }

    /** Moves the market at a steady rate on the calling thread and files each trade's send time. */
    static final class Pacer {
        private final SimulatedMarket market;
        private final List<String> codes;
        private final int[] indexes;
        private final Recorder recorder;
        private int next;

        Pacer(SimulatedMarket market, List<String> codes, Map<String, Integer> codeIndex, Recorder recorder) {
            this.market = market;
            this.codes = codes;
            this.indexes = codes.stream().mapToInt(codeIndex::get).toArray();
            this.recorder = recorder;
        }

        /** Produces {@code rate × duration} trades, catching up in bursts if a wake-up came late; returns the count. */
        long run(int rate, Duration duration) {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long produced = 0;
            long now;
            while ((now = System.nanoTime()) < end) {
                long due = (long) ((now - start) / 1e9 * rate);
                while (produced < due) {
                    int i = next;
                    next = (next + 1) % codes.size();
                    long sent = System.nanoTime();
                    String acml = market.tick(codes.get(i)).h0stcnt0Fields().get(13);
                    recorder.sent(indexes[i], Long.parseLong(acml), sent);
                    produced++;
                }
                LockSupport.parkNanos(50_000);
            }
            return produced;
        }
    }

    /**
     * Send times by trade identity and, per client, the latencies of the messages it received. A message that
     * arrives before its send time is filed (the pacer files it right after the simulator returns) waits in an
     * "early" list that is matched at the end of the run.
     */
    static final class Recorder {
        private final Map<String, Integer> codeIndex;
        private final List<Client> clients = new ArrayList<>();
        private volatile Map<Long, Long> sendTimes = new ConcurrentHashMap<>();

        Recorder(Map<String, Integer> codeIndex) {
            this.codeIndex = codeIndex;
        }

        static long key(int codeIndex, long cumulativeVolume) {
            return ((long) codeIndex << 44) | cumulativeVolume;
        }

        void sent(int codeIndex, long cumulativeVolume, long nanos) {
            sendTimes.put(key(codeIndex, cumulativeVolume), nanos);
        }

        synchronized Client newClient() {
            Client c = new Client();
            clients.add(c);
            return c;
        }

        long messages() {
            long n = 0;
            for (Client c : clients) {
                n += c.messages;
            }
            return n;
        }

        boolean everyClientSawEveryCode() {
            for (Client c : clients) {
                if (c.closed != null) {
                    throw new IllegalStateException("a client's socket closed: " + c.closed);
                }
                if (c.codesSeen.size() < codeIndex.size()) {
                    return false;
                }
            }
            return true;
        }

        void startRun() {
            sendTimes = new ConcurrentHashMap<>();
            for (Client c : clients) {
                c.reset();
            }
        }

        record Run(long[] latencies, long unmatched) {
        }

        Run endRun() {
            LongList all = new LongList();
            long unmatched = 0;
            Map<Long, Long> sends = sendTimes;
            for (Client c : clients) {
                synchronized (c) {
                    all.addAll(c.latencies);
                    for (int i = 0; i < c.earlyKeys.size(); i++) {
                        Long sent = sends.get(c.earlyKeys.get(i));
                        if (sent == null) {
                            unmatched++;
                        } else {
                            all.add(c.earlyTimes.get(i) - sent);
                        }
                    }
                }
            }
            sendTimes = new ConcurrentHashMap<>();
            return new Run(all.toSortedArray(), unmatched);
        }

        /** What one socket received; written by its reading thread. */
        final class Client {
            volatile long messages;
            volatile String closed;
            final java.util.Set<String> codesSeen = ConcurrentHashMap.newKeySet();
            LongList latencies = new LongList();
            LongList earlyKeys = new LongList();
            LongList earlyTimes = new LongList();

            synchronized void reset() {
                latencies = new LongList();
                earlyKeys = new LongList();
                earlyTimes = new LongList();
            }

            void onMessage(String text, long received) {
                messages++;
                if (!text.contains("\"data\"")) {
                    return;
                }
                String code = StreamClient.field(text, "mksc_shrn_iscd");
                String acml = StreamClient.field(text, "acml_vol");
                Integer idx = code == null ? null : codeIndex.get(code);
                if (idx == null || acml == null) {
                    return;
                }
                codesSeen.add(code);
                long key = key(idx, Long.parseLong(acml));
                Long sent = sendTimes.get(key);
                synchronized (this) {
                    if (sent != null) {
                        latencies.add(received - sent);
                    } else {
                        earlyKeys.add(key);
                        earlyTimes.add(received);
                    }
                }
            }
        }
    }
}
