package io.kisbridge.bridge;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Finds programs on PATH for the checks outside the JVM (Node, Chromium); keeps the simulator's market moving. */
final class ExternalTools {
    private ExternalTools() {
    }

    static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Trades in the given codes every 100 ms until closed, so /v1/stream has something to push. */
    static AutoCloseable tickEvery100ms(BridgeFixture f, String... codes) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            for (String c : codes) {
                f.sim.market().tick(c);
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        return ticker::shutdownNow;
    }
}
