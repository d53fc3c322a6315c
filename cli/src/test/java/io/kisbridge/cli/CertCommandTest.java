package io.kisbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CertCommandTest {

    private static String run(String... args) {
        CommandLine cl = KisBridgeCommand.newCommandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void createsTheCaOnceAndPrintsHowToTrustItOnEveryPlatform(@TempDir Path dir) {
        String first = run("cert", "--state-dir", dir.toString());
        String ca = dir.resolve("kisbridge-ca.crt").toAbsolutePath().toString();

        assertThat(first).startsWith("Created").contains(ca)
                .contains("certutil -user -addstore Root \"" + ca + "\"")
                .contains("security add-trusted-cert -r trustRoot")
                .contains("update-ca-certificates")
                .contains("https://localhost:8788/addin/manifest.xml");
        assertThat(Files.exists(dir.resolve("server.key"))).isTrue();
        assertThat(run("cert", "--state-dir", dir.toString())).startsWith("Reusing");
    }
}
