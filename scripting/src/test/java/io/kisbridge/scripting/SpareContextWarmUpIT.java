package io.kisbridge.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Spare contexts prepared after start-up ({@code ScriptRuntime.prepareSpares}), as the bridge's --warm-scripts asks. */
@Timeout(300)
class SpareContextWarmUpIT {
    private static boolean awaitSpare(ScriptRuntime runtime, ScriptLanguage language) {
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50))
                    .until(() -> runtime.spareReady(language));
            return true;
        } catch (ConditionTimeoutException notInTime) {
            return false;
        }
    }

    @Test
    void theLanguagesAskedForGetAPreparedContextBeforeTheirFirstRunAndTheRunWorks(@TempDir Path dir) throws Exception {
        try (SimulatorFixture fx = new SimulatorFixture(dir.resolve("state"));
                ScriptRuntime runtime = fx.runtime().spareContexts(true).build()) {
            runtime.prepareSpares(Duration.ZERO, Set.of(ScriptLanguage.JAVASCRIPT));

            assertThat(awaitSpare(runtime, ScriptLanguage.JAVASCRIPT)).as("a JavaScript context prepared").isTrue();
            assertThat(runtime.spareReady(ScriptLanguage.PYTHON)).as("Python was not asked for").isFalse();

            ScriptRun run = runtime.start("first.js", "print(1 + 1)", List.of());
            run.join();
            assertThat(run.output()).isEqualTo("2\n");
        }
    }

    @Test
    void withoutSpareContextsNothingIsPrepared(@TempDir Path dir) throws Exception {
        try (SimulatorFixture fx = new SimulatorFixture(dir.resolve("state"));
                ScriptRuntime runtime = fx.runtime().build()) {
            runtime.prepareSpares(Duration.ZERO, Set.of(ScriptLanguage.JAVASCRIPT));
            ScriptRun run = runtime.start("plain.js", "print('ran')", List.of());
            run.join();

            assertThat(run.output()).isEqualTo("ran\n");
            assertThat(runtime.spareReady(ScriptLanguage.JAVASCRIPT)).isFalse();
        }
    }
}
