package io.kisbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LibreOfficeCommandTest {
    @Test
    void installAddsTheExtensionWithForceIntoTheGivenUserInstallation() {
        assertThat(LibreOfficeCommand.unopkg(Path.of("/usr/bin/unopkg"), "add", Path.of("/tmp/p"), false, "/x/k.oxt"))
                .containsExactly("/usr/bin/unopkg", "add", "--force", "--suppress-license",
                        "-env:UserInstallation=" + Path.of("/tmp/p").toUri(), "/x/k.oxt");
    }

    @Test
    void uninstallRemovesTheExtensionByItsIdentifier() {
        assertThat(LibreOfficeCommand.unopkg(Path.of("unopkg"), "remove", null, true, LibreOfficeCommand.IDENTIFIER))
                .containsExactly("unopkg", "remove", "--shared", "io.kisbridge.libreoffice.calc");
    }

    @Test
    void aMissingExtensionFileIsNamedWithHowToBuildIt() {
        StringWriter err = new StringWriter();
        CommandLine cl = KisBridgeCommand.newCommandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int rc = cl.execute("libreoffice", "install", "--shared", "--unopkg", "/bin/true", "--oxt", "/nonexistent/k.oxt");
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains("no extension at /nonexistent/k.oxt", "libreoffice-ext");
    }

    @Test
    void theDemoHintNamesTheBridgeUrlWhenItIsNotTheDefault() {
        assertThat(LibreOfficeCommand.installHint("http://127.0.0.1:8787")).doesNotContain("KISBRIDGE_URL")
                .contains("./kisbridge libreoffice install");
        assertThat(LibreOfficeCommand.installHint("http://127.0.0.1:9999")).contains("KISBRIDGE_URL=http://127.0.0.1:9999");
    }
}
