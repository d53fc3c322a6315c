package io.kisbridge.bench.internal;

import io.kisbridge.bridge.BridgeOptions;
import io.kisbridge.bridge.BridgeServer;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.SimEnvironment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child process for the memory driver: what {@code ./kisbridge demo} runs (the simulator with its market timer,
 * a client on its real endpoints, the bridge with HTTPS), on ephemeral ports. Prints {@code READY <bridge url>},
 * then answers each {@code measure} line on stdin with
 * {@code MEASURE rss_kib=.. heap_used=.. registrations=..} (after a full GC) and stops at {@code quit} or EOF.
 */
public final class DemoBridgeProcess {
    private DemoBridgeProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Files.createTempDirectory("kisbridge-bench-demo-");
        try (KisSimulator sim = KisSimulator.builder().seed(20240101L).marketAlwaysOpen(true).start()) {
            DemoCredentials c = sim.credentials(SimEnvironment.REAL);
            KisConfig config = KisConfig.builder().environment(KisEnvironment.REAL).appKey(c.appKey())
                    .appSecret(c.appSecret()).account(c.accountNumber()).htsId(c.htsId())
                    .restUrl(sim.restUrl(SimEnvironment.REAL)).wsUrl(sim.wsUrl(SimEnvironment.REAL)).stateDir(state)
                    .build();
            try (KisClient client = KisClient.create(config);
                    BridgeServer bridge = BridgeServer.start(BridgeOptions.defaults(state).withPort(0).withHttpsPort(0),
                            client)) {
                System.out.println("READY " + bridge.url());
                System.out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null && !line.strip().equals("quit")) {
                    if (line.strip().equals("measure")) {
                        long heap = ProcessStats.heapUsedAfterGcBytes();
                        System.out.println("MEASURE rss_kib=" + ProcessStats.selfRssKib() + " heap_used=" + heap
                                + " registrations=" + sim.counters().subscriptions());
                        System.out.flush();
                    }
                }
            }
        } finally {
            RealtimeRig.deleteTree(state);
        }
    }
}
