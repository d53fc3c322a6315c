package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BenchMainTest {

    @Test
    @Timeout(10)
    void helpListsTheBridgeDrivers() throws Exception {
        DriverRun run = DriverRun.of("--help");

        assertThat(run.status()).isZero();
        assertThat(run.output()).contains("storm").contains("throughput").contains("ready");
    }

    @Test
    @Timeout(10)
    void aDriversHelpNamesItsOptionsAndAnUnknownOptionIsRefused() throws Exception {
        assertThat(DriverRun.of("storm", "--help").output()).contains("--cells").contains("--codes")
                .contains("--env").contains("--runs");
        DriverRun bad = DriverRun.of("storm", "--cels", "10");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.output()).contains("unknown option --cels");
    }
}
