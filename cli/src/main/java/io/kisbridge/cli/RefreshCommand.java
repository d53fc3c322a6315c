package io.kisbridge.cli;

import io.kisbridge.bridge.FunctionSet;
import io.kisbridge.bridge.workbook.CellError;
import io.kisbridge.bridge.workbook.RefreshReport;
import io.kisbridge.bridge.workbook.WorkbookException;
import io.kisbridge.bridge.workbook.WorkbookRefresher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ./kisbridge refresh IN.xlsx [-o OUT.xlsx]: KIS formulas recalculated without Excel, cached values written. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = {"Recalculate every KIS.* formula of an .xlsx without Excel (servers, cron, LibreOffice users)"
                + " and save the fresh values, so the file opens with current numbers in any spreadsheet.",
                "Exit code: 0 all cells refreshed, 1 some cells failed (listed), 2 the file could not be read or written."})
final class RefreshCommand implements Callable<Integer> {
    static final int CELLS_FAILED = 1;
    static final int BAD_FILE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "IN.xlsx", description = "The workbook to refresh.")
    Path in;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.xlsx",
            description = "Write here and leave IN untouched (default: replace IN, only if every cell refreshed).")
    Path out;

    @Option(names = "--allow-errors", description = "Replace IN even when some cells failed (they show #N/A / #VALUE!).")
    boolean allowErrors;

    @Option(names = "--seed", description = "Simulator seed for --env demo.", defaultValue = "20240101")
    long seed;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        TerminalProgress progress = new TerminalProgress(err, TerminalProgress.stderrIsTerminal());
        RefreshReport r;
        try (KisSession session = KisSession.open(config, seed);
             FunctionSet fns = FunctionSet.create(session.client(), Duration.ofSeconds(2), Duration.ofMillis(5))) {
            r = new WorkbookRefresher(fns).refreshFile(in, out, allowErrors, progress);
        } catch (WorkbookException e) {
            progress.finish();
            err.println("kisbridge: refresh: " + e.getMessage());
            return BAD_FILE;
        } finally {
            progress.finish();
        }
        o.printf("Refreshed %d KIS cells (%d formulas, %d calls, %d spilled cells) in %.1f s%n", r.kisCells(),
                r.formulaCells(), r.calls(), r.spilledCells(), r.elapsed().toMillis() / 1000.0);
        if (!r.ok()) {
            err.println(r.errors().size() + (r.errors().size() == 1 ? " cell" : " cells") + " failed:");
            for (CellError e : r.errors()) {
                err.println("  " + e);
            }
        }
        if (r.written() != null) {
            o.println("Wrote " + r.written());
        } else {
            err.println(in + " was left unchanged (write the result elsewhere with -o OUT.xlsx, or use --allow-errors).");
        }
        o.flush();
        err.flush();
        return r.ok() ? 0 : CELLS_FAILED;
    }
}
