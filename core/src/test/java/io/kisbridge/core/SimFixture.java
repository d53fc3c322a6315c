package io.kisbridge.core;

import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.ManualClock;
import io.kisbridge.simulator.SimEnvironment;
import io.kisbridge.core.internal.Sleeper;
import java.nio.file.Path;
import java.time.Instant;

/** Starts the in-process simulator on ephemeral ports with a manual business clock and builds clients for it. */
final class SimFixture implements AutoCloseable {
    /** Tuesday 2026-03-03 10:00 KST: a trading day, market open. */
    static final Instant START = Instant.parse("2026-03-03T01:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final KisSimulator sim;
    final Path stateDir;

    SimFixture(Path stateDir) {
        this(stateDir, KisSimulator.builder());
    }

    SimFixture(Path stateDir, KisSimulator.Builder builder) {
        this.stateDir = stateDir;
        this.sim = builder.clock(clock).autoTicks(false).seed(42).start();
    }

    /** Waits advance the simulator's clock instead of sleeping (the token minute rule, backoff). */
    Sleeper sleeper() {
        return d -> clock.advance(d);
    }

    KisConfig.Builder config(KisEnvironment env) {
        SimEnvironment se = env == KisEnvironment.REAL ? SimEnvironment.REAL : SimEnvironment.PAPER;
        DemoCredentials c = sim.credentials(se);
        return KisConfig.builder().environment(env).appKey(c.appKey()).appSecret(c.appSecret())
                .account(c.accountNumber()).htsId(c.htsId()).restUrl(sim.restUrl(se)).wsUrl(sim.wsUrl(se))
                .stateDir(stateDir).clock(clock);
    }

    KisClient client(KisEnvironment env) {
        return KisClient.builder(config(env).build()).sleeper(sleeper()).build();
    }

    static SimEnvironment sim(KisEnvironment env) {
        return env == KisEnvironment.REAL ? SimEnvironment.REAL : SimEnvironment.PAPER;
    }

    /** KRX tick size for stocks (reference §10). */
    static long tick(long price) {
        if (price < 2_000) return 1;
        if (price < 5_000) return 5;
        if (price < 20_000) return 10;
        if (price < 50_000) return 50;
        if (price < 200_000) return 100;
        if (price < 500_000) return 500;
        return 1_000;
    }

    /** A valid limit price a few ticks below the last price, so a buy order stays open. */
    long restingBuyPrice(String code) {
        long last = sim.market().lastPrice(code);
        long t = tick(last);
        return (last / t) * t - 5 * t;
    }

    @Override
    public void close() {
        sim.close();
    }
}
