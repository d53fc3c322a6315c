package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The storm driver on a tiny storm, so it keeps working; its figures at full size are in BENCHMARKS.md. */
class StormDriverIT {

    @Test
    @Timeout(150)
    void aSmallStormCostsAFewMultpriceCallsInRealModeAndOneInquirePricePerCodeInPaper() throws Exception {
        // A one-minute cache TTL: in paper the 20 calls take ~10 s, and a cell whose code's 2-s TTL ran out would
        // (rightly) cost a second call and blur the count this test is about.
        DriverRun run = DriverRun.of("storm", "--cells", "200", "--codes", "20", "--env", "both", "--runs", "1",
                "--cache-ttl", "60");

        assertThat(run.status()).as(run.output()).isZero();
        for (String via : new String[] {"addin", "webservice"}) {
            String real = "real." + via + ".";
            String paper = "paper." + via + ".";
            // 20 codes fit in one multprice call; a cold JVM opening 200 connections spreads them over a few windows
            assertThat(run.number("storm", real + "calls")).as(run.output()).isBetween(1L, 10L);
            assertThat(run.number("storm", real + "calls_max.FHKST11300006")).as(run.output()).isBetween(1L, 10L);
            assertThat(run.result("storm")).doesNotContainKey(real + "calls_max.FHKST01010100");
            assertThat(run.number("storm", real + "tokens")).isEqualTo(1);
            assertThat(run.number("storm", real + "egw00201")).isZero();
            assertThat(run.number("storm", real + "failed")).isZero();
            assertThat(run.number("storm", paper + "calls")).as(run.output()).isEqualTo(20);
            assertThat(run.number("storm", paper + "calls_max.FHKST01010100")).isEqualTo(20);
            assertThat(run.number("storm", paper + "egw00201")).isZero();
            assertThat(run.number("storm", paper + "failed")).isZero();
            assertThat(run.number("storm", paper + "wall_ms")).isGreaterThan(run.number("storm", real + "wall_ms"));
        }
    }

    @Test
    @Timeout(10)
    void anUnknownEnvironmentIsRefusedWithTheChoices() throws Exception {
        DriverRun run = DriverRun.of("storm", "--env", "live");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).contains("--env must be real, paper or both");
    }

    @Test
    @Timeout(10)
    void anUnknownFormIsRefusedWithTheChoices() throws Exception {
        DriverRun run = DriverRun.of("storm", "--via", "rtd");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).contains("--via must be addin, webservice or both");
    }

    @Test
    @Timeout(10)
    void moreCodesThanTheSimulatorListsAreRefusedBeforeAnythingStarts() throws Exception {
        DriverRun run = DriverRun.of("storm", "--codes", "60000");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).contains("--codes 60000 is more than the simulator can list");
    }
}
