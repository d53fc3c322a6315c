package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A 20-second soak: KIS WebSocket dropped every 5 s, tokens expiring every 8 s; nothing may be lost. */
@Timeout(90)
class EnduranceDriverSmokeTest {

    @Test
    void dropsAndTokenExpiriesLoseNoSubscriptionAndFailNoCell() throws Exception {
        SmokeRun run = SmokeRun.of("endurance", "--minutes", "0.34", "--drop-every", "5s", "--token-lifetime", "8s",
                "--topics", "41", "--clients", "2", "--cell-rate", "10", "--sample-every", "5s");
        assertThat(run.exitCode()).isZero();
        assertThat(run.count("drops")).as(run.output()).isGreaterThanOrEqualTo(3);
        assertThat(run.count("lost_subscriptions")).as(run.output()).isZero();
        assertThat(run.count("cells_failed")).as(run.output()).isZero();
        assertThat(run.count("cells_ok")).as(run.output()).isGreaterThan(100);
        assertThat(run.count("tokens_issued")).as(run.output()).isGreaterThanOrEqualTo(2);
        assertThat(run.count("stream_clients_closed")).as(run.output()).isZero();
        assertThat(run.number("rss_last_mib")).isPositive();
    }
}
