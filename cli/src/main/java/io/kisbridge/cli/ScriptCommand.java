package io.kisbridge.cli;

import io.kisbridge.core.KisClient;
import io.kisbridge.scripting.ScriptException;
import io.kisbridge.scripting.ScriptLanguage;
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
        subcommands = {ScriptCommand.Run.class, ScriptCommand.Bench.class, ScriptCommand.TrainClassCache.class})
final class ScriptCommand implements Runnable {
    static final int SCRIPT_ERROR = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Run a script until it ends, calls stop(), or reaches --timeout. Its arguments follow '--'.",
                "When a bridge runs (./kisbridge serve, or ./kisbridge demo for --env demo) and its key is in the state"
                        + " directory, the script runs in it (starts in well under a second; the bridge's arming,"
                        + " order limits and output folder apply); otherwise in this process."})
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

        @Option(names = "--bridge", paramLabel = "URL", description = "Run the script in the bridge at this address"
                + " (default: http://127.0.0.1:" + io.kisbridge.bridge.BridgeOptions.DEFAULT_PORT + " when it answers)."
                + " Its key is read from the state directory: bridge.key, demo-bridge.key for --env demo.")
        java.net.URI bridge;

        @Option(names = "--standalone", description = "Never hand the script to a running bridge: run it in this process.")
        boolean standalone;

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
            if (standalone && bridge != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--bridge and --standalone exclude each other");
            }
            if (!standalone) {
                Integer code = runInBridge();
                if (code != null) {
                    return code;
                }
            }
            // the engine and context of the file's language start while the simulator and the client do
            ScriptRuntime.prepareAhead(ScriptLanguage.ofFileName(file.getFileName().toString()));
            try (KisSession session = KisSession.open(config, DemoSession.DEFAULT_SEED)) {
                return runWith(session.client());
            }
        }

        /** The exit code of a run in a bridge, or null to run standalone (no bridge of ours answered). */
        private Integer runInBridge() throws Exception {
            ScriptLanguage.ofFileName(file.getFileName().toString());
            java.io.PrintWriter err = spec.commandLine().getErr();
            BridgeScriptClient client = ScriptBridges.client(bridge, config);
            if (client == null) {
                return null;
            }
            String code = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            Thread stopOnCtrlC = new Thread(client::stop);
            Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
            BridgeScriptClient.Outcome outcome;
            try {
                outcome = client.run(ScriptBridges.runName(file), code, args, ScriptRuntime.parseDuration(timeout),
                        spec.commandLine().getOut(), err);
            } finally {
                removeHook(stopOnCtrlC);
            }
            return switch (outcome) {
                case BridgeScriptClient.Outcome.Ran ran -> {
                    if (bridgeOnlyFlagsGiven()) {
                        err.println("kisbridge: ran in the bridge at " + client.base() + ": its arming, order limits"
                                + " and output folder applied, not --arm-trading/--max-*/--output-dir (--standalone"
                                + " uses them)");
                    }
                    yield ran.exitCode();
                }
                case BridgeScriptClient.Outcome.NoBridge none -> {
                    if (bridge != null) {
                        err.println("kisbridge: " + none.reason());
                        yield UserErrorHandler.CONFIG_ERROR;
                    }
                    yield null;
                }
                case BridgeScriptClient.Outcome.Refused refused -> {
                    if (bridge != null) {
                        err.println("kisbridge: " + refused.reason());
                        yield UserErrorHandler.CONFIG_ERROR;
                    }
                    err.println("kisbridge: " + refused.reason() + "; running the script in this process instead");
                    yield null;
                }
            };
        }

        private boolean bridgeOnlyFlagsGiven() {
            CommandLine.ParseResult p = spec.commandLine().getParseResult();
            return p.hasMatchedOption("--arm-trading") || p.hasMatchedOption("--output-dir")
                    || p.hasMatchedOption("--max-order-value") || p.hasMatchedOption("--max-orders");
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

    /**
     * What the launcher runs once per build, in the background, to record the JDK's class cache: the cold paths of
     * {@code script run} as a user meets them — a hand-over to a bridge that is not there, then a one-line script in
     * each language on the embedded simulator. Prints nothing; hidden from the help.
     */
    @Command(name = "train-class-cache", hidden = true)
    static final class TrainClassCache implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            Path dir = Files.createTempDirectory("kisbridge-train-");
            try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
                int nobody = closed.getLocalPort();
                closed.close();
                for (String name : List.of("train.js", "train.py")) {
                    Path f = Files.writeString(dir.resolve(name), "print(kis.price('005930'))\n");
                    // an empty state directory: no bridge key of the user's is read, let alone sent
                    quietly("script", "run", f.toString(), "--bridge", "http://127.0.0.1:" + nobody, "--state-dir",
                            dir.toString());
                    quietly("script", "run", f.toString(), "--env", "demo", "--standalone");
                }
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return 0;
        }

        private static void quietly(String... args) {
            CommandLine cl = KisBridgeCommand.newCommandLine();
            java.io.PrintWriter nowhere = new java.io.PrintWriter(java.io.Writer.nullWriter());
            cl.setOut(nowhere);
            cl.setErr(nowhere);
            cl.execute(args);
        }
    }
}
