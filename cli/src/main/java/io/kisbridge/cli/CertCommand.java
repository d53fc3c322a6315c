package io.kisbridge.cli;

import io.kisbridge.bridge.BridgeOptions;
import io.kisbridge.bridge.LocalCertificates;
import io.kisbridge.core.KisConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Creates (if missing) the bridge's localhost CA and HTTPS certificate in the state directory and prints how to
 * trust the CA — Excel loads add-ins over HTTPS only.
 */
@Command(name = "cert", mixinStandardHelpOptions = true,
        description = "Create the bridge's localhost CA and HTTPS certificate if missing; print how to trust the CA.")
final class CertCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "State directory of the bridge (default: KIS_STATE_DIR, else ~/.kisbridge).")
    Path stateDir;

    @Override
    public Integer call() {
        Path dir = stateDir != null ? stateDir
                : System.getenv("KIS_STATE_DIR") != null && !System.getenv("KIS_STATE_DIR").isBlank()
                        ? Path.of(System.getenv("KIS_STATE_DIR").strip()) : KisConfig.defaultStateDir();
        LocalCertificates c = LocalCertificates.ensure(dir, Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        String ca = c.caCertFile().toAbsolutePath().toString();
        out.println((c.caCreated() ? "Created" : "Reusing") + " the bridge's local certificate authority:");
        out.println("  CA certificate      " + ca + " (valid until " + c.caCertificate().getNotAfter().toInstant() + ")");
        out.println("  CA key              " + c.caKeyFile().toAbsolutePath() + " (rw-------, never share it)");
        out.println("  server certificate  " + c.serverCertFile().toAbsolutePath() + " (localhost, 127.0.0.1, ::1; valid until "
                + c.serverCertificate().getNotAfter().toInstant() + ", renewed automatically)");
        out.println("  server key          " + c.serverKeyFile().toAbsolutePath() + " (rw-------)");
        out.println();
        out.println("Trust the CA once (it can only vouch for this computer's localhost names):");
        out.println("  Windows (current user, no admin):");
        out.println("    certutil -user -addstore Root \"" + ca + "\"");
        out.println("  macOS:");
        out.println("    security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db \"" + ca + "\"");
        out.println("  Linux (Debian/Ubuntu system store; browsers with their own store: import it in their settings):");
        out.println("    sudo cp \"" + ca + "\" /usr/local/share/ca-certificates/kisbridge-ca.crt && sudo update-ca-certificates");
        out.println();
        out.println("Then start the bridge (./kisbridge serve) and sideload https://localhost:" + BridgeOptions.DEFAULT_HTTPS_PORT
                + "/addin/manifest.xml in Excel (see excel-bridge/README.md).");
        out.println("To undo: remove the CA from the store above and delete " + dir.toAbsolutePath() + "/kisbridge-ca.*");
        out.flush();
        return 0;
    }
}
