package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The memory driver on a small load: one child bridge, a few topics and cells. */
@Timeout(120)
class MemoryDriverSmokeTest {

    @Test
    void aChildBridgeReportsItsResidentMemoryIdleAndUnderASmallLoad() throws Exception {
        SmokeRun run = SmokeRun.of("memory", "--runs", "1", "--topics", "5", "--clients", "2", "--cells", "60",
                "--rounds", "1", "--settle", "1s");
        assertThat(run.exitCode()).isZero();
        assertThat(run.number("baseline_rss_mib")).as(run.output()).isGreaterThan(20);
        assertThat(run.number("loaded_rss_mib")).as(run.output()).isGreaterThan(run.number("baseline_rss_mib") * 0.8);
        assertThat(run.number("baseline_heap_mib")).isPositive();
        assertThat(run.count("registrations")).as(run.output()).isEqualTo(5);
        assertThat(run.count("cells_failed")).as(run.output()).isZero();
    }
}
