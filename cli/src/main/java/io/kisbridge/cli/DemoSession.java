package io.kisbridge.cli;

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
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An embedded simulator plus a client configured for its real-mode endpoints with the demo credentials.
 *
 * <p>The state directory is a throwaway one: a token cached by a previous demo run belongs to a simulator that no
 * longer exists, and reusing it would cost an EGW00121 round trip and the one-minute issuance wait.
 */
final class DemoSession implements AutoCloseable {
    /** The market every demo command shows unless told otherwise: same seed, same prices and history. */
    static final long DEFAULT_SEED = 20240101L;

    private final KisSimulator simulator;
    private final KisClient client;
    private final Path stateDir;

    private DemoSession(KisSimulator simulator, KisClient client, Path stateDir) {
        this.simulator = simulator;
        this.client = client;
        this.stateDir = stateDir;
    }

    static DemoSession start(long seed) {
        KisSimulator sim = KisSimulator.builder().seed(seed).marketAlwaysOpen(true).start();
        try {
            Path state = Files.createTempDirectory("kisbridge-demo-");
            DemoCredentials c = sim.credentials(SimEnvironment.REAL);
            KisConfig config = KisConfig.builder()
                    .environment(KisEnvironment.REAL)
                    .appKey(c.appKey())
                    .appSecret(c.appSecret())
                    .account(c.accountNumber())
                    .htsId(c.htsId())
                    .restUrl(sim.restUrl(SimEnvironment.REAL))
                    .wsUrl(sim.wsUrl(SimEnvironment.REAL))
                    .stateDir(state)
                    .build();
            return new DemoSession(sim, KisClient.create(config), state);
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    KisSimulator simulator() {
        return simulator;
    }

    KisClient client() {
        return client;
    }

    Path stateDir() {
        return stateDir;
    }

    @Override
    public void close() {
        client.close();
        simulator.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
