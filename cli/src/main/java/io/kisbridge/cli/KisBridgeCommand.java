package io.kisbridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./kisbridge} program. */
@Command(
        name = "kisbridge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Korea Investment & Securities Open API for spreadsheets and scripts.",
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            SimulatorCommand.class,
            CallCommand.class,
            RefreshCommand.class,
            ExportCommand.class,
            ScriptCommand.class,
            CertCommand.class,
            LibreOfficeCommand.class,
            CommandLine.HelpCommand.class
        })
public final class KisBridgeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line; tests run it in-process. */
    static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new KisBridgeCommand());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        return cl;
    }
}
