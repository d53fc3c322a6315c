package io.kisbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CommandLineIT {

    @Test
    void demoWithoutScriptsSaysSoInItsBanner() {
        CliRun r = CliRun.of("demo", "--port", "0", "--rounds", "1", "--codes", "005930", "--no-scripts");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("scripts +off");
    }

    @Test
    void demoRunsTheBridgeOnTheSimulatorAndPrintsPricesReadThroughIt() {
        CliRun r = CliRun.of("demo", "--port", "0", "--rounds", "1", "--codes", "005930,000660");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("KIS simulator").contains("KIS spreadsheet bridge on http://127.0.0.1:")
                .contains("=WEBSERVICE(\"http://127.0.0.1:");
        assertThat(r.out()).containsPattern("scripts +http://127\\.0\\.0\\.1:[0-9]+/v1/scripts");
        for (String code : new String[] {"005930", "000660"}) {
            Matcher m = Pattern.compile("  " + code + " +([0-9]+) +(-?[0-9.]+)%").matcher(r.out());
            assertThat(m.find()).as("a price line for %s in:%n%s", code, r.out()).isTrue();
            assertThat(Long.parseLong(m.group(1))).isPositive();
        }
    }

    @Test
    void aPortInUseGivesAClearMessageInsteadOfAStackTrace() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun r = CliRun.of("demo", "--port", String.valueOf(taken.getLocalPort()), "--rounds", "1");

            assertThat(r.exitCode()).isEqualTo(UserErrorHandler.PORT_IN_USE);
            assertThat(r.err()).contains("already in use").contains("--port").doesNotContain("\tat ");
        }
    }

    @Test
    void callReachesAnyCatalogApiOnTheEmbeddedSimulator() {
        CliRun r = CliRun.of("call", "inquire-price", "FID_INPUT_ISCD=005930", "--env", "demo");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"tr_id\" : \"FHKST01010100\"").contains("\"stck_prpr\"");
    }

    @Test
    void callNamesTheUnknownApi() {
        CliRun r = CliRun.of("call", "no-such-api", "--env", "demo");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("no-such-api");
    }

    @Test
    void missingCredentialsGiveAnActionableConfigurationError(@TempDir Path state) {
        assumeTrue(System.getenv("KIS_APP_KEY") == null, "the environment already has KIS_APP_KEY");

        CliRun r = CliRun.of("serve", "--state-dir", state.toString(), "--env", "real", "--rest-url", "http://127.0.0.1:9");

        assertThat(r.exitCode()).isEqualTo(UserErrorHandler.CONFIG_ERROR);
        assertThat(r.err()).contains("configuration").contains("KIS_APP_KEY");
    }
}
