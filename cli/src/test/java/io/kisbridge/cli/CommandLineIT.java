package io.kisbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class CommandLineIT {

    record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = KisBridgeCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void demoPrintsTheSimulatorBannerAndALivePriceForEveryCode() {
        Run r = run("demo", "--rounds", "1", "--codes", "005930,000660");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("KIS simulator").contains("REST http://127.0.0.1:");
        for (String code : new String[] {"005930", "000660"}) {
            Matcher m = Pattern.compile("  " + code + " +([0-9,]+) ").matcher(r.out());
            assertThat(m.find()).as("a price line for %s in:%n%s", code, r.out()).isTrue();
            assertThat(Long.parseLong(m.group(1).replace(",", ""))).isPositive();
        }
    }

    @Test
    void callReachesAnyCatalogApiOnTheEmbeddedSimulator() {
        Run r = run("call", "inquire-price", "FID_INPUT_ISCD=005930", "--env", "demo");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"tr_id\" : \"FHKST01010100\"").contains("\"stck_prpr\"");
    }

    @Test
    void callNamesTheUnknownApi() {
        Run r = run("call", "no-such-api", "--env", "demo");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("no-such-api");
    }

    @Test
    void missingCredentialsGiveAnActionableConfigurationError(@TempDir Path state) {
        assumeTrue(System.getenv("KIS_APP_KEY") == null, "the environment already has KIS_APP_KEY");

        Run r = run("serve", "--state-dir", state.toString(), "--env", "real", "--rest-url", "http://127.0.0.1:9");

        assertThat(r.exitCode()).isEqualTo(UserErrorHandler.CONFIG_ERROR);
        assertThat(r.err()).contains("configuration").contains("KIS_APP_KEY");
    }
}
