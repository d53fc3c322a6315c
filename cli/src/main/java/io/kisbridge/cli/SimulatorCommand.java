package io.kisbridge.cli;

import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.SimulatorMain;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The simulator on its own, for pointing your own code (or another kisbridge) at it. */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Run the KIS simulator standalone: real REST on PORT, paper REST PORT+1, WebSocket real PORT+2, paper PORT+3.")
final class SimulatorCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", description = "Real REST port; the others follow it (0 = ephemeral ports).", defaultValue = "9443")
    int port;

    @Option(names = "--seed", description = "Market seed (same seed, same market).", defaultValue = "20240101")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        KisSimulator sim = SimulatorMain.startStandalone(port, seed);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println(sim.banner());
        spec.commandLine().getOut().println("Running until Ctrl+C.");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
