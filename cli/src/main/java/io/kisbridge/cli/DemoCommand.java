package io.kisbridge.cli;

import io.kisbridge.core.CurrentPrice;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs everything offline: the embedded KIS simulator, and live prices read from it through the core client. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the embedded KIS simulator (no account needed) and show live prices through the client.")
final class DemoCommand implements Callable<Integer> {
    static final List<String> DEFAULT_CODES = List.of("005930", "000660", "035420", "005380", "035720");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--codes", split = ",", paramLabel = "CODE", description = "Stock codes to show (default: ${DEFAULT-VALUE}).",
            defaultValue = "005930,000660,035420,005380,035720")
    List<String> codes = DEFAULT_CODES;

    @Option(names = "--seed", description = "Simulator seed (same seed, same market).", defaultValue = "20240101")
    long seed;

    @Option(names = "--interval-ms", description = "Refresh interval in milliseconds.", defaultValue = "2000")
    long intervalMs;

    @Option(names = "--rounds", description = "Stop after this many refreshes (0 = until Ctrl+C).", defaultValue = "0")
    int rounds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (DemoSession demo = DemoSession.start(seed)) {
            out.println(demo.simulator().banner());
            out.println("Live prices from the simulator through the KIS client (Ctrl+C to stop):");
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown);
            Runtime.getRuntime().addShutdownHook(hook);
            for (int round = 1; rounds == 0 || round <= rounds; round++) {
                for (String code : codes) {
                    out.println(format(demo.client().currentPrice(code.strip())));
                }
                out.println();
                out.flush();
                if ((rounds != 0 && round == rounds) || stop.await(intervalMs, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the JVM is already on its way out
            }
        }
        return 0;
    }

    static String format(CurrentPrice p) {
        return String.format("  %s  %,10d  %+,8d  %+6.2f%%  vol %,d", p.code(), p.price(), p.change(),
                p.changeRate(), p.volume());
    }
}
