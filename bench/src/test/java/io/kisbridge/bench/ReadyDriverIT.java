package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kisbridge.bench.internal.DemoProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ready driver spawns the cli's jar. A full {@code ./mvnw verify} builds cli before bench, so CI runs this;
 * {@code -pl bench -am} does not build cli, and the test is skipped when the jar is absent.
 */
class ReadyDriverIT {

    @Test
    @Timeout(120)
    void oneDemoStartReportsHealthThenAFirstPrice() throws Exception {
        assumeTrue(DemoProcess.findJar().isPresent(), "cli/target/kisbridge.jar is not built (./mvnw -pl cli -am package)");

        DriverRun run = DriverRun.of("ready", "--runs", "1");

        assertThat(run.status()).as(run.output()).isZero();
        long health = run.number("ready", "health_ms");
        assertThat(health).as(run.output()).isPositive();
        assertThat(run.number("ready", "price_ms")).isGreaterThanOrEqualTo(health);
    }

    @Test
    @Timeout(10)
    void aMissingCliJarFailsWithHowToBuildIt() throws Exception {
        DriverRun run = DriverRun.of("ready", "--jar", "/nonexistent/kisbridge.jar");

        assertThat(run.status()).isNotZero();
        assertThat(run.output()).contains("is not built").contains("-pl cli -am package");
    }
}
