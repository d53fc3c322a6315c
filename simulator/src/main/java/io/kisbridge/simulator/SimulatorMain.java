package io.kisbridge.simulator;

import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point ({@code ./kisbridge simulator --port N} is wired by the CLI): starts the simulator with the
 * real REST port N (paper N+1, WebSocket real N+2, paper N+3) and prints the banner.
 */
public final class SimulatorMain {
    private SimulatorMain() {}

    /** Starts a standalone simulator; port 0 = ephemeral ports. */
    public static KisSimulator startStandalone(int port, long seed) {
        KisSimulator.Builder b = KisSimulator.builder().seed(seed);
        if (port > 0) {
            b.restPort(SimEnvironment.REAL, port).restPort(SimEnvironment.PAPER, port + 1)
                    .wsPort(SimEnvironment.REAL, port + 2).wsPort(SimEnvironment.PAPER, port + 3);
        }
        return b.start();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        KisSimulator sim = startStandalone(port, 20240101L);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println(sim.banner());
        new CountDownLatch(1).await();
    }
}
