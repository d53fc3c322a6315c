package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The latency driver on a tiny load: it must run end to end and report sane figures. */
@Timeout(90)
class LatencyDriverSmokeTest {

    @Test
    void aLowRateReachesEveryClientWithoutDropsAndGivesFiniteLatencies() throws Exception {
        SmokeRun run = SmokeRun.of("latency", "--rate", "200", "--clients", "4", "--codes", "5", "--seconds", "2",
                "--runs", "1", "--warmup", "1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.count("produced")).as(run.output()).isGreaterThan(200);
        assertThat(run.count("expected")).isEqualTo(run.count("produced") * 4);
        assertThat(run.count("delivered")).as(run.output()).isPositive();
        assertThat(run.count("drops")).as(run.output()).isZero();
        assertThat(run.count("delivered") + run.count("conflated")).isEqualTo(run.count("expected"));
        assertThat(run.number("p50_ms")).isFinite().isPositive();
        assertThat(run.number("p99_ms")).isFinite().isGreaterThanOrEqualTo(run.number("p50_ms"));
        assertThat(run.number("cpu_cores")).isPositive();
    }
}
