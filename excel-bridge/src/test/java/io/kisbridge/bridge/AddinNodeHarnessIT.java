package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.KisEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs src/test/node/addin-harness.js: the add-in's shipped functions.js, bridge-client.js and streaming.js, fetched
 * from a live bridge and driven in Node with a stubbed CustomFunctions runtime (see the script for what it checks).
 */
@Timeout(120)
class AddinNodeHarnessIT {
    private static final Path HARNESS = Path.of("src/test/node/addin-harness.js");

    @Test
    void theShippedAddinScriptsBatchCallsAndStreamAndUnsubscribeAgainstALiveBridge(@TempDir Path dir)
            throws Exception {
        Optional<Path> node = ExternalTools.onPath("node", "nodejs");
        assumeTrue(node.isPresent(), "node is not installed: skipping the add-in's JavaScript checks"
                + " (install Node.js 20.10+ to run them)");
        assumeTrue(supportsWebSocket(node.get()), "node " + node.get() + " is older than 20.10 (no WebSocket):"
                + " skipping the add-in's JavaScript checks");
        assertThat(HARNESS).exists();
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL);
                AutoCloseable ticks = ExternalTools.tickEvery100ms(f, "005930")) {
            f.bridge.board().publish("harness.rows", java.util.List.of(java.util.Map.of("code", "005930")), "test");
            Path log = dir.resolve("node.log");
            Process p = new ProcessBuilder(node.get().toString(), "--no-warnings", "--experimental-websocket",
                    HARNESS.toString(), f.bridge.url())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the harness finishes").isTrue();
            } finally {
                p.destroyForcibly();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            String last = out.strip().lines().reduce((a, b) -> b).orElse("{}");
            JsonNode summary = new ObjectMapper().readTree(last);
            assertThat(summary.path("ok").asBoolean()).isTrue();
            assertThat(summary.path("functions").asInt()).isEqualTo(f.bridge.functions().all().size() + 3);
            assertThat(summary.path("price").asLong()).isPositive();
            assertThat(summary.path("historyRows").asInt()).isPositive();
            assertThat(summary.path("batches").asInt()).isEqualTo(1);
            assertThat(summary.path("streamed").asLong()).isPositive();
            assertThat(summary.path("sent").toString()).contains("unsubscribe trade:005930");
        }
    }

    private static boolean supportsWebSocket(Path node) throws Exception {
        Process p = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
        String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        p.waitFor(10, TimeUnit.SECONDS);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("v(\\d+)\\.(\\d+)").matcher(v);
        return m.find() && (Integer.parseInt(m.group(1)) > 20
                || Integer.parseInt(m.group(1)) == 20 && Integer.parseInt(m.group(2)) >= 10);
    }
}
