package io.kisbridge.cli;

import io.kisbridge.bridge.BridgeServer;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The spreadsheet bridge on your own KIS account (real or paper), until Ctrl+C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the spreadsheet bridge against KIS with your configuration (see README: Configuration).")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Mixin
    BridgeFlags bridge;

    @Override
    public Integer call() throws InterruptedException {
        if (config.isDemo()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "use './kisbridge demo' for the simulator");
        }
        KisConfig cfg = config.load();
        KisClient client = KisClient.create(cfg);
        BridgeServer server;
        try {
            server = BridgeServer.start(bridge.options(cfg.stateDir()), client,
                    bridge.scriptHost(cfg.stateDir().resolve("scripts")));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            client.close();
            stopped.countDown();
        }));
        var out = spec.commandLine().getOut();
        out.println("KIS " + cfg.environment().id() + " as configured: " + cfg);
        out.println(server.banner());
        try {
            out.println("Credentials work: 005930 trades at " + client.currentPrice("005930").price() + " KRW.");
        } catch (KisException e) {
            out.println("Could not verify the credentials yet (" + e.getMessage() + "); cells will show the error.");
        }
        out.println("Running until Ctrl+C.");
        out.flush();
        stopped.await();
        return 0;
    }
}
