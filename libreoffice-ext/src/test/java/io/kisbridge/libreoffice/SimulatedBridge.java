package io.kisbridge.libreoffice;

import io.kisbridge.bridge.BridgeOptions;
import io.kisbridge.bridge.BridgeServer;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.ManualClock;
import io.kisbridge.simulator.SimEnvironment;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The simulator (real-trading side, no automatic ticks), a KisClient on it and a bridge on loopback; the bridge can
 * be stopped and started again on the same port while the simulator keeps running.
 */
final class SimulatedBridge implements AutoCloseable {
    /** Tuesday 2026-03-03 10:00 KST: a trading day, market open. */
    static final Instant START = Instant.parse("2026-03-03T01:00:00Z");
    /** Synthetic codes next to the 57 real ones, so that a sheet can ask for 100 different codes. */
    static final int EXTRA_CODES = 60;

    final ManualClock clock = new ManualClock(START);
    final KisSimulator sim;
    final KisClient client;
    private final Path stateDir;
    private RealtimeFeed feed;
    private BridgeServer bridge;
    private int port;

    SimulatedBridge(Path stateDir) {
        this.stateDir = stateDir;
        this.sim = KisSimulator.builder().clock(clock).autoTicks(false).seed(42).extraCodes(EXTRA_CODES).start();
        DemoCredentials c = sim.credentials(SimEnvironment.REAL);
        KisConfig config = KisConfig.builder().environment(KisEnvironment.REAL).appKey(c.appKey())
                .appSecret(c.appSecret()).account(c.accountNumber()).htsId(c.htsId())
                .restUrl(sim.restUrl(SimEnvironment.REAL)).wsUrl(sim.wsUrl(SimEnvironment.REAL))
                .stateDir(stateDir).clock(clock).build();
        this.client = KisClient.builder(config).sleeper(clock::advance).build();
        start();
    }

    /** Starts the bridge: on a free port the first time, on the same port after {@link #stop()}. */
    void start() {
        feed = RealtimeFeed.builder(client, true).build();
        bridge = BridgeServer.start(BridgeOptions.defaults(stateDir).withPort(port).withHttpsPort(-1), client, feed,
                null);
        port = bridge.port();
    }

    void stop() {
        bridge.close(); // closes its feed too
        bridge = null;
    }

    BridgeServer bridge() {
        return bridge;
    }

    RealtimeFeed feed() {
        return feed;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (bridge != null) {
            stop();
        }
        client.close();
        sim.close();
    }
}
