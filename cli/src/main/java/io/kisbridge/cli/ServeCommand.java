package io.kisbridge.cli;

import io.kisbridge.core.CurrentPrice;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Connects to KIS with the user's configuration. Until the spreadsheet bridge's HTTP server lands (issue 5) this
 * checks the configuration and the credentials end to end and says so; it does not pretend to serve.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Check the configuration and credentials against KIS (the HTTP bridge arrives with the bridge module).")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        if (config.isDemo()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "use './kisbridge demo' for the simulator");
        }
        KisConfig cfg = config.load();
        var out = spec.commandLine().getOut();
        out.println("Configuration: " + cfg);
        try (KisClient client = KisClient.create(cfg)) {
            CurrentPrice p = client.currentPrice("005930");
            out.println("Credentials work: 005930 trades at " + p.price() + " KRW.");
        }
        out.println("The spreadsheet HTTP bridge is not part of this build yet; nothing is being served.");
        return 0;
    }
}
