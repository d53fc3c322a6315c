package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kisbridge.bench.internal.Wrk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The throughput driver with a two-second wrk run (CI installs wrk; elsewhere the test is skipped without it). */
class ThroughputDriverIT {

    @Test
    @Timeout(60)
    void wrkAgainstCachedPriceCellsReportsThroughputAndLatencyWithNoErrors() throws Exception {
        assumeTrue(Wrk.find("wrk").isPresent(), "wrk is not installed (apt-get install wrk); CI installs it");

        DriverRun run = DriverRun.of("throughput", "--duration", "2", "--warmup", "1", "--runs", "1",
                "--connections", "8", "--threads", "1");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.number("throughput", "rps")).as(run.output()).isGreaterThan(100);
        long p50 = run.number("throughput", "p50_us");
        assertThat(p50).isPositive();
        assertThat(run.number("throughput", "p99_us")).isGreaterThanOrEqualTo(p50);
        assertThat(run.number("throughput", "non2xx")).isZero();
        assertThat(run.number("throughput", "socket_errors")).isZero();
        assertThat(run.result("throughput")).containsEntry("prices_right", "true");
    }

    @Test
    @Timeout(10)
    void aMissingWrkFailsWithHowToInstallIt() throws Exception {
        DriverRun run = DriverRun.of("throughput", "--wrk", "/nonexistent/bin/wrk");

        assertThat(run.status()).isNotZero();
        assertThat(run.output()).contains("wrk was not found").contains("apt-get install wrk");
    }
}
