package io.kisbridge.bench.internal;

import io.kisbridge.bridge.BridgeOptions;
import io.kisbridge.bridge.BridgeServer;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.SimEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The realtime path in one process: the simulator (real environment), a {@link KisClient} on it, a
 * {@link RealtimeFeed} the rig keeps a handle on (for its counters) and the bridge on an ephemeral port over both.
 */
public final class RealtimeRig implements AutoCloseable {
    private final KisSimulator simulator;
    private final KisClient client;
    private final RealtimeFeed feed;
    private final BridgeServer bridge;
    private final Path stateDir;
    private final Set<Long> simulatorThreads;

    private RealtimeRig(KisSimulator simulator, KisClient client, RealtimeFeed feed, BridgeServer bridge, Path stateDir,
            Set<Long> simulatorThreads) {
        this.simulator = simulator;
        this.client = client;
        this.feed = feed;
        this.bridge = bridge;
        this.stateDir = stateDir;
        this.simulatorThreads = simulatorThreads;
    }

    /** {@code simulator} adjusts the simulator's builder; {@code options} the bridge's (ports 0, HTTPS off already). */
    public static RealtimeRig start(UnaryOperator<KisSimulator.Builder> simulator, UnaryOperator<BridgeOptions> options) {
        return start(java.time.Clock.systemUTC(), simulator, options);
    }

    /** As {@link #start(UnaryOperator, UnaryOperator)} with a business clock shared by the simulator and the client. */
    public static RealtimeRig start(java.time.Clock clock, UnaryOperator<KisSimulator.Builder> simulator,
            UnaryOperator<BridgeOptions> options) {
        Set<Long> before = liveThreadIds();
        KisSimulator sim = simulator.apply(KisSimulator.builder().clock(clock).marketAlwaysOpen(true)).start();
        Set<Long> simThreads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            // shared pools (virtual-thread carriers, the common pool) are not the simulator's even if born now
            if (!before.contains(t.threadId()) && !t.getName().startsWith("ForkJoinPool")) {
                simThreads.add(t.threadId());
            }
        }
        Path state = null;
        KisClient client = null;
        try {
            state = Files.createTempDirectory("kisbridge-bench-");
            DemoCredentials c = sim.credentials(SimEnvironment.REAL);
            KisConfig config = KisConfig.builder().environment(KisEnvironment.REAL).appKey(c.appKey())
                    .appSecret(c.appSecret()).account(c.accountNumber()).htsId(c.htsId())
                    .restUrl(sim.restUrl(SimEnvironment.REAL)).wsUrl(sim.wsUrl(SimEnvironment.REAL)).stateDir(state)
                    .clock(clock).build();
            client = KisClient.create(config);
            RealtimeFeed feed = RealtimeFeed.builder(client, true).build();
            BridgeServer bridge = BridgeServer.start(options.apply(BridgeOptions.defaults(state).withPort(0)
                    .withHttpsPort(BridgeOptions.NO_HTTPS)), client, feed);
            return new RealtimeRig(sim, client, feed, bridge, state, Set.copyOf(simThreads));
        } catch (IOException | RuntimeException e) {
            if (client != null) {
                client.close();
            }
            sim.close();
            deleteTree(state);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public KisSimulator simulator() {
        return simulator;
    }

    public RealtimeFeed feed() {
        return feed;
    }

    public BridgeServer bridge() {
        return bridge;
    }

    /**
     * Whether a live thread works for the simulator: one its start created (its HTTP and WebSocket servers' pools) or
     * one of its named threads. Threads created later in those pools are not recognised (they count as the bridge's).
     */
    public boolean isSimulatorThread(long threadId, String name) {
        return simulatorThreads.contains(threadId) || name.startsWith("sim-ws-") || name.startsWith("kis-sim-");
    }

    private static Set<Long> liveThreadIds() {
        Set<Long> ids = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            ids.add(t.threadId());
        }
        return ids;
    }

    /** ws://127.0.0.1:PORT/v1/stream */
    public String streamUrl() {
        return bridge.url().replace("http://", "ws://") + "/v1/stream";
    }

    @Override
    public void close() {
        bridge.close();
        client.close();
        simulator.close();
        deleteTree(stateDir);
    }

    static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
