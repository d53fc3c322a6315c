package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs src/test/node/dashboard-modules.test.js (node --test) over the dashboard's shipped modules. */
@Timeout(60)
class DashboardModulesNodeIT {
    private static final Path TESTS = Path.of("src/test/node/dashboard-modules.test.js");
    private static final Path WEB = Path.of("src/main/resources/web");

    @Test
    void theDashboardModulesPassTheirNodeTests(@TempDir Path dir) throws Exception {
        Optional<Path> node = ExternalTools.onPath("node", "nodejs");
        assumeTrue(node.isPresent(), "node is not installed: skipping the dashboard modules' checks");
        Path log = dir.resolve("node.log");
        ProcessBuilder pb = new ProcessBuilder(node.get().toString(), "--test", TESTS.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("KISBRIDGE_WEB", WEB.toAbsolutePath().toString());
        Process p = pb.start();
        try {
            assertThat(p.waitFor(45, TimeUnit.SECONDS)).as("node --test finishes").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("# pass 6").contains("# fail 0");
    }
}
