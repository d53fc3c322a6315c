package io.kisbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Installs or removes the Calc extension (libreoffice-ext/target/kisbridge-calc.oxt) with LibreOffice's unopkg, in
 * the user's profile or in the user installation {@code --profile DIR} (what {@code -env:UserInstallation} names).
 */
@Command(name = "libreoffice", mixinStandardHelpOptions = true,
        description = "Install or remove the LibreOffice Calc extension (KIS.* functions, live cells) with unopkg.",
        subcommands = {LibreOfficeCommand.Install.class, LibreOfficeCommand.Uninstall.class})
final class LibreOfficeCommand implements Runnable {
    static final String IDENTIFIER = "io.kisbridge.libreoffice.calc";
    static final List<Path> UNOPKG = List.of(Path.of("/usr/bin/unopkg"), Path.of("/usr/lib/libreoffice/program/unopkg"),
            Path.of("/opt/libreoffice/program/unopkg"),
            Path.of("/Applications/LibreOffice.app/Contents/MacOS/unopkg"));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The unopkg command line: {@code add --force --suppress-license OXT} or {@code remove IDENTIFIER}. */
    static List<String> unopkg(Path unopkg, String verb, Path profile, boolean shared, String target) {
        List<String> cmd = new ArrayList<>(List.of(unopkg.toString(), verb));
        if (verb.equals("add")) {
            cmd.add("--force");
            cmd.add("--suppress-license");
        }
        if (shared) {
            cmd.add("--shared");
        }
        if (profile != null) {
            cmd.add("-env:UserInstallation=" + profile.toAbsolutePath().toUri());
        }
        cmd.add(target);
        return cmd;
    }

    /** The built extension next to the launcher's jar (ROOT/cli/target/kisbridge.jar → ROOT/libreoffice-ext/target). */
    static Path defaultOxt() {
        try {
            Path jar = Path.of(LibreOfficeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent() == null || jar.getParent().getParent() == null ? Path.of(".")
                    : jar.getParent().getParent().getParent();
            return root.resolve("libreoffice-ext/target/kisbridge-calc.oxt");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("libreoffice-ext/target/kisbridge-calc.oxt");
        }
    }

    /** The line {@code ./kisbridge demo} prints. */
    static String installHint(String bridgeUrl) {
        String env = bridgeUrl.equals("http://127.0.0.1:8787") ? "" : "KISBRIDGE_URL=" + bridgeUrl + " ";
        return "LibreOffice Calc extension: ./kisbridge libreoffice install, then " + env
                + "soffice --calc and =KIS.PRICE(\"005930\"), =KIS.STREAM(\"005930\")";
    }

    abstract static class Unopkg implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--profile", paramLabel = "DIR",
                description = "The LibreOffice user installation to use (as -env:UserInstallation); default: your profile.")
        Path profile;

        @Option(names = "--shared", description = "For all users of this LibreOffice (needs write access to it).")
        boolean shared;

        @Option(names = "--unopkg", paramLabel = "FILE", description = "unopkg to use (default: found on this system).")
        Path unopkg;

        abstract String verb();

        abstract String target(PrintWriter err);

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<Path> tool = unopkg != null ? Optional.of(unopkg) : UNOPKG.stream().filter(Files::isExecutable).findFirst();
            if (tool.isEmpty()) {
                err.println("unopkg was not found: install LibreOffice (Debian: apt-get install libreoffice-calc"
                        + " libreoffice-java-common) or give --unopkg FILE");
                return 2;
            }
            if (!shared && "root".equals(System.getProperty("user.name"))) {
                err.println("unopkg refuses to change a user profile when run as root: run this as the user who uses"
                        + " LibreOffice, or add --shared to install it for every user");
                return 2;
            }
            String target = target(err);
            if (target == null) {
                return 2;
            }
            List<String> cmd = unopkg(tool.get(), verb(), profile, shared, target);
            out.println("running: " + String.join(" ", cmd));
            out.flush();
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            int rc = p.waitFor();
            if (rc == 0) {
                out.println(verb().equals("add")
                        ? "Installed. Restart LibreOffice, start the bridge (./kisbridge serve or demo) and type"
                                + " =KIS.PRICE(\"005930\") in Calc. Another bridge URL: set KISBRIDGE_URL."
                        : "Removed. Restart LibreOffice.");
            } else {
                err.println("unopkg failed (exit " + rc + ")" + (verb().equals("add")
                        ? "; is LibreOffice's Java support installed (Debian: libreoffice-java-common)?" : ""));
            }
            return rc == 0 ? 0 : 1;
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install or update the extension (libreoffice-ext/target/kisbridge-calc.oxt).")
    static final class Install extends Unopkg {
        @Option(names = "--oxt", paramLabel = "FILE", description = "The extension file (default: the one built here).")
        Path oxt;

        @Override
        String verb() {
            return "add";
        }

        @Override
        String target(PrintWriter err) {
            Path file = oxt != null ? oxt : defaultOxt();
            if (!Files.isRegularFile(file)) {
                err.println("no extension at " + file + ": build it with ./mvnw -B -pl libreoffice-ext -am package"
                        + " -DskipTests, or give --oxt FILE");
                return null;
            }
            return file.toAbsolutePath().toString();
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Remove the extension.")
    static final class Uninstall extends Unopkg {
        @Override
        String verb() {
            return "remove";
        }

        @Override
        String target(PrintWriter err) {
            return IDENTIFIER;
        }
    }
}
