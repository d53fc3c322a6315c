package io.kisbridge.bridge.workbook;

import io.kisbridge.bridge.FunctionSet;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.ManualClock;
import io.kisbridge.simulator.SimEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** An in-process simulator (market frozen: no auto ticks), a real-mode KisClient on it and a function set. */
final class SimFixture implements AutoCloseable {
    /** Tuesday 2026-03-03 10:00 KST: a trading day, market open. */
    static final Instant START = Instant.parse("2026-03-03T01:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final KisSimulator sim;
    final KisClient client;
    final FunctionSet functions;

    SimFixture(Path stateDir) {
        sim = KisSimulator.builder().clock(clock).autoTicks(false).seed(42).start();
        DemoCredentials c = sim.credentials(SimEnvironment.REAL);
        KisConfig config = KisConfig.builder().environment(KisEnvironment.REAL).appKey(c.appKey())
                .appSecret(c.appSecret()).account(c.accountNumber()).htsId(c.htsId())
                .restUrl(sim.restUrl(SimEnvironment.REAL)).wsUrl(sim.wsUrl(SimEnvironment.REAL))
                .stateDir(stateDir).clock(clock).build();
        client = KisClient.builder(config).sleeper(clock::advance).build();
        functions = FunctionSet.create(client, Duration.ofSeconds(2), Duration.ofMillis(5));
    }

    long price(String code) {
        return sim.market().lastPrice(code);
    }

    WorkbookRefresher refresher() {
        return new WorkbookRefresher(functions);
    }

    @Override
    public void close() {
        functions.close();
        client.close();
        sim.close();
    }
}
