package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ScriptStartDriverTest {
    @Test
    void withoutALauncherTheDriverSaysWhereItLookedAndExitsWithThree() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = BenchMain.run(List.of("script-start", "--launcher", "/no/such/kisbridge"), new PrintStream(bytes, true));

        assertThat(code).isEqualTo(3);
        assertThat(bytes.toString()).contains("no launcher at /no/such/kisbridge");
    }

    @Test
    void helpListsTheScriptStartDriver() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchMain.run(List.of("--help"), new PrintStream(bytes, true));

        assertThat(bytes.toString()).contains("script-start");
    }
}
