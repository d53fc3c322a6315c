package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The latency driver on a tiny load: it must run end to end and report sane figures. */
@Timeout(90)
class LatencyDriverSmokeTest {

    @Test
    void aLowRateReachesEveryClientWithoutDropsAndGivesFiniteLatencies() throws Exception {
        SmokeRun run = SmokeRun.of("latency", "--rate", "200", "--clients", "4", "--codes", "5", "--seconds", "2",
                "--runs", "1", "--warmup", "1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.result().get("client")).as("the default client").isEqualTo("java-websocket");
        assertThat(run.count("produced")).as(run.output()).isGreaterThan(200);
        assertThat(run.count("expected")).isEqualTo(run.count("produced") * 4);
        assertThat(run.count("delivered")).as(run.output()).isPositive();
        assertThat(run.count("drops")).as(run.output()).isZero();
        assertThat(run.count("delivered") + run.count("conflated")).isEqualTo(run.count("expected"));
        assertThat(run.number("p50_ms")).isFinite().isPositive();
        assertThat(run.number("p99_ms")).isFinite().isGreaterThanOrEqualTo(run.number("p50_ms"));
        assertThat(run.number("cpu_cores")).isPositive();
        assertThat(run.number("client_cpu_cores")).as("the clients' threads are found").isPositive();
        assertThat(run.number("bridge_cpu_cores")).as(run.output()).isPositive();
        assertThat(run.number("client_cpu_cores") + run.number("sim_cpu_cores") + run.number("bridge_cpu_cores"))
                .as("live threads use no more than the process").isLessThanOrEqualTo(run.number("cpu_cores") + 0.05);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "jdk"})
    void theOtherClientsReceiveEveryTradeToo(String client) throws Exception {
        SmokeRun run = SmokeRun.of("latency", "--client", client, "--rate", "100", "--clients", "2", "--codes", "3",
                "--seconds", "1", "--runs", "1", "--warmup", "0");
        assertThat(run.result().get("client")).isEqualTo(client);
        assertThat(run.count("delivered") + run.count("conflated")).as(run.output())
                .isEqualTo(run.count("expected")).isPositive();
        assertThat(run.count("drops")).as(run.output()).isZero();
        assertThat(run.number("client_cpu_cores")).as(run.output()).isPositive();
    }
}
