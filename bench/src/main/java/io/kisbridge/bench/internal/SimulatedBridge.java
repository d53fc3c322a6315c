package io.kisbridge.bench.internal;

import io.kisbridge.bridge.BridgeOptions;
import io.kisbridge.bridge.BridgeServer;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.SimEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The in-process simulator (wall clock, market open, no automatic ticks so prices stay checkable), a KisClient for
 * one environment on it and a bridge on an ephemeral HTTP port without HTTPS, as the demo wires them.
 */
public final class SimulatedBridge implements AutoCloseable {
    private final KisSimulator sim;
    private final KisClient client;
    private final BridgeServer bridge;
    private final Path stateDir;

    private SimulatedBridge(KisSimulator sim, KisClient client, BridgeServer bridge, Path stateDir) {
        this.sim = sim;
        this.client = client;
        this.bridge = bridge;
        this.stateDir = stateDir;
    }

    /** The simulator's 57 listed names; more codes are synthetic ({@code extraCodes}). */
    private static final int REAL_NAMES = 57;

    /** Refuses a code count the simulator cannot list, before anything starts. */
    public static void checkCodes(int codes) {
        try {
            KisSimulator.builder().extraCodes(Math.max(0, codes - REAL_NAMES));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--codes " + codes + " is more than the simulator can list ("
                    + e.getMessage() + " beyond its " + REAL_NAMES + " names)");
        }
    }

    /** A simulator with at least {@code codes} listed codes (synthetic ones beyond its 57 real names). */
    public static SimulatedBridge start(KisEnvironment env, int codes) {
        return start(env, codes, o -> o);
    }

    /** As {@link #start(KisEnvironment, int)}, the bridge's default options adjusted by {@code options}. */
    public static SimulatedBridge start(KisEnvironment env, int codes, UnaryOperator<BridgeOptions> options) {
        KisSimulator sim = KisSimulator.builder().seed(20240101L).marketAlwaysOpen(true).autoTicks(false)
                .extraCodes(Math.max(0, codes - REAL_NAMES)).start();
        Path state = null;
        KisClient client = null;
        try {
            state = Files.createTempDirectory("kisbridge-bench-");
            SimEnvironment se = env == KisEnvironment.REAL ? SimEnvironment.REAL : SimEnvironment.PAPER;
            DemoCredentials c = sim.credentials(se);
            KisConfig config = KisConfig.builder().environment(env).appKey(c.appKey()).appSecret(c.appSecret())
                    .account(c.accountNumber()).htsId(c.htsId()).restUrl(sim.restUrl(se)).wsUrl(sim.wsUrl(se))
                    .stateDir(state).build();
            client = KisClient.create(config);
            BridgeServer bridge = BridgeServer.start(options.apply(
                    BridgeOptions.defaults(state).withPort(0).withHttpsPort(BridgeOptions.NO_HTTPS)), client);
            return new SimulatedBridge(sim, client, bridge, state);
        } catch (IOException | RuntimeException e) {
            if (client != null) {
                client.close();
            }
            sim.close();
            RealtimeRig.deleteTree(state);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public KisSimulator simulator() {
        return sim;
    }

    /** The first {@code n} listed codes of the simulator's market. */
    public List<String> codes(int n) {
        List<String> all = sim.market().codes();
        if (all.size() < n) {
            throw new IllegalStateException("the simulator lists " + all.size() + " codes, not " + n);
        }
        return List.copyOf(all.subList(0, n));
    }

    /** "http://127.0.0.1:PORT" */
    public String url() {
        return bridge.url();
    }

    @Override
    public void close() {
        bridge.close();
        client.close();
        sim.close();
        RealtimeRig.deleteTree(stateDir);
    }
}
