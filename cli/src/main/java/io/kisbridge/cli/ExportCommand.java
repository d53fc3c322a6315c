package io.kisbridge.cli;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.FunctionSet;
import io.kisbridge.bridge.internal.ErrorMapping;
import io.kisbridge.bridge.workbook.WorkbookException;
import io.kisbridge.bridge.workbook.WorkbookExporter;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ./kisbridge export history CODE | balance | executions: formatted .xlsx files (history with a chart). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export KIS data to a formatted .xlsx: history CODE (bars + price/volume chart), balance,"
                + " executions."})
final class ExportCommand implements Callable<Integer> {
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "history|balance|executions")
    String what;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CODE", description = "Stock code (history only).")
    String code;

    @Option(names = "--from", paramLabel = "YYYYMMDD", description = "First day (history: a year ago; executions: today).")
    String from;

    @Option(names = "--to", paramLabel = "YYYYMMDD", description = "Last day (default today).")
    String to;

    @Option(names = "--period", paramLabel = "D|W|M|Y", description = "Bar period for history.", defaultValue = "D")
    String period;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.xlsx", description = "Output file (default: a name from the"
            + " kind, code and dates in the current directory).")
    Path out;

    @Option(names = "--seed", description = "Simulator seed for --env demo.", defaultValue = "20240101")
    long seed;

    @Override
    public Integer call() {
        String kind = what.toLowerCase(Locale.ROOT);
        if (!kind.equals("history") && !kind.equals("balance") && !kind.equals("executions")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "export what? history CODE, balance or executions (got '" + what + "')");
        }
        if (kind.equals("history") && (code == null || code.isBlank())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "export history needs a stock code");
        }
        try (KisSession session = KisSession.open(config, seed);
             FunctionSet fns = FunctionSet.create(session.client(), Duration.ofSeconds(2), Duration.ofMillis(5))) {
            LocalDate today = LocalDate.now(session.client().config().clock().withZone(KisClient.KST));
            LocalDate last = date(to, today);
            WorkbookExporter ex = new WorkbookExporter(fns);
            Path file;
            int rows;
            switch (kind) {
                case "history" -> {
                    LocalDate first = date(from, last.minusYears(1));
                    file = out != null ? out : Path.of("history-" + code + "-" + first.format(YMD) + "-"
                            + last.format(YMD) + ".xlsx");
                    rows = ex.history(code, first, last, period, file);
                }
                case "balance" -> {
                    file = out != null ? out : Path.of("balance-" + today.format(YMD) + ".xlsx");
                    rows = ex.balance(file);
                }
                default -> {
                    LocalDate first = date(from, last);
                    file = out != null ? out : Path.of("executions-" + first.format(YMD) + "-" + last.format(YMD) + ".xlsx");
                    rows = ex.executions(first, last, file);
                }
            }
            spec.commandLine().getOut().println("Wrote " + rows + " rows to " + file);
            return 0;
        } catch (WorkbookException e) {
            spec.commandLine().getErr().println("kisbridge: export: " + e.getMessage());
            return RefreshCommand.BAD_FILE;
        } catch (BridgeException | KisException e) {
            spec.commandLine().getErr().println("kisbridge: export " + kind + ": " + ErrorMapping.map(e).cellText());
            return 1;
        }
    }

    private LocalDate date(String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip().replace("-", ""), YMD);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a date (YYYYMMDD): " + text);
        }
    }
}
