package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.KisEnvironment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs src/test/node/taskpane-harness.js: the shipped task pane (taskpane.html's elements, /addin/js/taskpane.js as
 * the bridge serves it) in Node with a minimal DOM and a stubbed Office global, clicked through step by step against
 * a live bridge on the simulator; between steps this test checks what the pane shows, the bridge and the simulator.
 */
@Timeout(120)
class TaskPaneNodeIT {
    private static final Path HARNESS = Path.of("src/test/node/taskpane-harness.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePaneShowsTheBridgeArmsWithThePastedKeyPlacesOneOrderPerSubmissionAndShowsARefusalWhenDisarmed(
            @TempDir Path dir) throws Exception {
        Optional<Path> node = ExternalTools.onPath("node", "nodejs");
        assumeTrue(node.isPresent(), "node is not installed: skipping the task pane checks");
        assertThat(HARNESS).exists();
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            String key = f.bridgeKey();
            Process p = new ProcessBuilder(node.get().toString(), "--no-warnings", HARNESS.toString(),
                    f.bridge.url(), key).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    Writer in = p.outputWriter(StandardCharsets.UTF_8)) {
                JsonNode health = JSON.readTree(f.get("/health").body());
                JsonNode s = step(out, "connected");
                assertThat(s.path("bridgeState").asText()).as(s.toString()).isEqualTo("ok");
                assertThat(s.path("bridgeStatus").asText())
                        .isEqualTo(health.path("status").asText() + " (" + health.path("environment").asText() + ")");
                assertThat(s.path("tradingState").asText()).isEqualTo("disarmed");
                assertThat(trading(f).path("armed").asBoolean()).isFalse();
                next(in);

                s = step(out, "armed");
                assertThat(s.path("storedKey").asText()).as(s.toString()).isEqualTo(key);
                assertThat(s.path("tradingState").asText()).as(s.toString()).isEqualTo("ARMED");
                assertThat(trading(f).path("armed").asBoolean()).as("GET /v1/trading after Arm").isTrue();
                assertThat(f.sim.counters().ordersReceived()).isZero();
                next(in);

                s = step(out, "submitted");
                assertThat(s.path("result").asText()).as(s.toString()).matches("order \\S+ accepted at .*")
                        .doesNotContain("replayed");
                assertThat(f.sim.counters().ordersReceived()).as("orders after one submission").isEqualTo(1);
                assertThat(s.path("idempotencyKeys").size()).isEqualTo(1);
                next(in);

                s = step(out, "doubleClicked");
                // the pane disables Send until the bridge answers: a double click is one submission, one order
                assertThat(s.path("result").asText()).as(s.toString()).matches("order \\S+ accepted at .*")
                        .doesNotContain("replayed");
                assertThat(f.sim.counters().ordersReceived()).as("orders after a double click").isEqualTo(2);
                List<String> keys = JSON.convertValue(s.path("idempotencyKeys"),
                        JSON.getTypeFactory().constructCollectionType(List.class, String.class));
                assertThat(keys).hasSize(2);
                assertThat(new HashSet<>(keys)).as("a fresh Idempotency-Key per submission").hasSize(2);
                next(in);

                s = step(out, "refused");
                assertThat(trading(f).path("armed").asBoolean()).as("GET /v1/trading after Disarm").isFalse();
                assertThat(s.path("tradingState").asText()).isEqualTo("disarmed");
                assertThat(s.path("result").asText()).as(s.toString()).startsWith("refused: ")
                        .containsIgnoringCase("arm");
                assertThat(f.sim.counters().ordersReceived()).as("no order while disarmed").isEqualTo(2);
                next(in);
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the harness finishes").isTrue();
                assertThat(p.exitValue()).isZero();
            } finally {
                p.destroyForcibly();
            }
        }
    }

    private static JsonNode trading(BridgeFixture f) throws Exception {
        return JSON.readTree(f.get("/v1/trading").body());
    }

    /** Reads the harness's output up to its next "STEP" line; fails on anything it says went wrong. */
    private static JsonNode step(BufferedReader out, String expected) throws Exception {
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("STEP ")) {
                JsonNode s = JSON.readTree(line.substring(5));
                assertThat(s.path("step").asText()).as(seen.toString()).isEqualTo(expected);
                return s;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the harness ended before step " + expected + ":\n" + seen);
    }

    private static void next(Writer in) throws Exception {
        in.write("go\n");
        in.flush();
    }
}
