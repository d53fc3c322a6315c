package io.kisbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kisbridge.bridge.BridgeOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BridgeFlagsTest {
    private static BridgeOptions options(String... args) {
        return CommandLine.populateCommand(new BridgeFlags(), args).options(Path.of("state"));
    }

    @Test
    void theDeadlinesDefaultToTenAndSixtySeconds() {
        BridgeOptions o = options();
        assertThat(o.fnDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.batchDeadline()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theDeadlinesAreSetInSecondsWithFractions() {
        BridgeOptions o = options("--fn-deadline", "2.5", "--batch-deadline", "30");
        assertThat(o.fnDeadline()).isEqualTo(Duration.ofMillis(2500));
        assertThat(o.batchDeadline()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesADeadlineThatIsNotPositive() {
        assertThatThrownBy(() -> options("--fn-deadline", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--fn-deadline must be more than 0");
    }
}
