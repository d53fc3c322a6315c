package io.kisbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./kisbridge script run --standalone} on the embedded simulator (ScriptThroughBridgeIT: in a bridge). */
@Timeout(120)
class ScriptCommandIT {
    @Test
    void runsTheMomentumSampleInDemoAndWritesItsCsvIntoTheOutputFolder(@TempDir Path out) {
        CliRun r = CliRun.of("script", "run", "../samples/scripts/momentum_screener.js", "--env", "demo", "--standalone",
                "--output-dir", out.toString(), "--", "10", "005930", "000660");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote 2 rows to ");
        assertThat(out.resolve("momentum.csv")).exists();
    }

    @Test
    void aFailingScriptExitsNonZeroNamingItsFileAndLine(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("broken.py"), "print(args)\nraise ValueError('bad input ' + args[0])\n");

        CliRun r = CliRun.of("script", "run", script.toString(), "--env", "demo", "--standalone", "--", "x");

        assertThat(r.exitCode()).isEqualTo(ScriptCommand.SCRIPT_ERROR);
        assertThat(r.out()).contains("['x']");
        assertThat(r.err()).contains("broken.py:2").contains("ValueError: bad input x");
    }

    @Test
    void aRunawayScriptIsStoppedAtTheTimeout(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("wait.js"), "every('1s', () => print('tick'));\n");

        CliRun r = CliRun.of("script", "run", script.toString(), "--env", "demo", "--standalone", "--timeout", "2s");

        assertThat(r.exitCode()).isEqualTo(ScriptCommand.SCRIPT_ERROR);
        assertThat(r.err()).contains("wait.js").contains("stopped after 2 s");
    }

    @Test
    void benchPrintsColdAndWarmStartAndHostCallFiguresForBothLanguages() {
        CliRun r = CliRun.of("script", "bench", "--runs", "2", "--calls", "200");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("javascript +cold run +\\d+ ms .*warm run median .*host call")
                .containsPattern("python +cold run +\\d+ ms");
    }
}
