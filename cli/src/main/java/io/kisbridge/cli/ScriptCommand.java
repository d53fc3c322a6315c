package io.kisbridge.cli;

import io.kisbridge.core.KisClient;
import io.kisbridge.scripting.ScriptException;
import io.kisbridge.scripting.ScriptRun;
import io.kisbridge.scripting.ScriptRuntime;
import io.kisbridge.scripting.StartupBenchmark;
import io.kisbridge.scripting.TradingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./kisbridge script run alert.js --env demo -- 005930}: JavaScript and Python automation. */
@Command(name = "script", mixinStandardHelpOptions = true,
        description = "Run JavaScript (.js) or Python (.py) scripts against KIS.",
        subcommands = {ScriptCommand.Run.class, ScriptCommand.Bench.class})
final class ScriptCommand implements Runnable {
    static final int SCRIPT_ERROR = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a script until it ends, calls stop(), or reaches --timeout. Its arguments follow '--'.")
    static final class Run implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ConfigOptions config;

        @Parameters(index = "0", paramLabel = "FILE", description = "The script: a .js or .py file.")
        Path file;

        @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments the script sees as 'args'.")
        List<String> args = List.of();

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
                description = "Wall-clock limit, e.g. 30s, 5m; 0 for none (default: ${DEFAULT-VALUE}).")
        String timeout;

        @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "kisbridge-output",
                description = "The only folder files.writeCsv and workbook.write/read may use (default: ${DEFAULT-VALUE}).")
        Path outputDir;

        @Option(names = "--arm-trading", description = "Allow kis.buy/kis.sell (refused otherwise).")
        boolean armTrading;

        @Option(names = "--max-order-value", paramLabel = "KRW", defaultValue = "1000000",
                description = "Largest value of one order when trading is armed (default: ${DEFAULT-VALUE}).")
        long maxOrderValue;

        @Option(names = "--max-orders", paramLabel = "N", defaultValue = "10",
                description = "Orders one run may place when trading is armed (default: ${DEFAULT-VALUE}).")
        int maxOrders;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such script: " + file);
            }
            try (KisSession session = KisSession.open(config, DemoSession.DEFAULT_SEED)) {
                return runWith(session.client());
            }
        }

        private int runWith(KisClient client) throws InterruptedException {
            TradingPolicy trading = armTrading ? TradingPolicy.armed(maxOrderValue, maxOrders) : TradingPolicy.disarmed();
            Duration limit = ScriptRuntime.parseDuration(timeout);
            try (ScriptRuntime runtime = ScriptRuntime.builder(client).trading(trading).timeout(limit)
                    .outputFolder(outputDir).echo(spec.commandLine().getOut()).build()) {
                ScriptRun run = runtime.start(file, args);
                Thread stopOnCtrlC = new Thread(run::stop);
                Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
                try {
                    // The limit counts from the ready context; allow for a cold engine start on top.
                    if (!run.await(limit.isZero() ? Duration.ofDays(3650) : limit.plusMinutes(2))) {
                        run.stop();
                        run.await(Duration.ofSeconds(10));
                    }
                } finally {
                    removeHook(stopOnCtrlC);
                }
                if (run.error().isPresent()) {
                    ScriptException e = run.error().get();
                    spec.commandLine().getErr().println("kisbridge: " + e.getMessage());
                    return SCRIPT_ERROR;
                }
                return 0;
            }
        }

        private static void removeHook(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: Ctrl+C stopped the script
            }
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Measure cold and warm script start and host-call overhead (no KIS request is made).")
    static final class Bench implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--runs", defaultValue = "20", description = "Warm runs per language (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--calls", defaultValue = "10000", description = "Host calls measured (default: ${DEFAULT-VALUE}).")
        int calls;

        @Override
        public Integer call() throws Exception {
            try (DemoSession demo = DemoSession.start(1L)) {
                for (StartupBenchmark.Figures f : StartupBenchmark.measure(demo.client(), runs, calls)) {
                    spec.commandLine().getOut().println(f.line());
                }
            }
            return 0;
        }
    }
}
