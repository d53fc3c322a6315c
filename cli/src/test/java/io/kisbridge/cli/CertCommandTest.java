package io.kisbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertCommandTest {

    private static String run(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out();
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
