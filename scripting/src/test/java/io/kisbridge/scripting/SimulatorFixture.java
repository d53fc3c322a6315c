package io.kisbridge.scripting;

import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.SimEnvironment;
import java.nio.file.Path;

/** The in-process simulator (market moved by hand), a real-mode client and a started realtime feed. */
final class SimulatorFixture implements AutoCloseable {
    final KisSimulator sim;
    final KisClient client;
    final RealtimeFeed feed;

    SimulatorFixture(Path stateDir) {
        sim = KisSimulator.builder().seed(7).autoTicks(false).start();
        DemoCredentials c = sim.credentials(SimEnvironment.REAL);
        client = KisClient.create(KisConfig.builder()
                .environment(KisEnvironment.REAL)
                .appKey(c.appKey()).appSecret(c.appSecret()).account(c.accountNumber()).htsId(c.htsId())
                .restUrl(sim.restUrl(SimEnvironment.REAL)).wsUrl(sim.wsUrl(SimEnvironment.REAL))
                .stateDir(stateDir)
                .build());
        feed = RealtimeFeed.builder(client, false).build();
        feed.start();
    }

    ScriptRuntime.Builder runtime() {
        return ScriptRuntime.builder(client).realtime(feed);
    }

    @Override
    public void close() {
        feed.close();
        client.close();
        sim.close();
    }
}
