package io.kisbridge.bridge.workbook;

import io.kisbridge.bridge.FnResult;
import io.kisbridge.bridge.FunctionSet;
import io.kisbridge.bridge.workbook.internal.HistoryChart;
import io.kisbridge.bridge.workbook.internal.SheetWriter;
import io.kisbridge.bridge.workbook.internal.WorkbookFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Formatted exports of the bridge's tables (the same data as KIS.HISTORY, KIS.BALANCE and KIS.EXECUTIONS): number
 * formats, real date cells, a frozen header row, sized columns; history also gets a native Excel chart (close as a
 * line on the right axis, volume as columns on the left). Files are written to a temp file and moved into place.
 */
public final class WorkbookExporter {
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private final FunctionSet functions;

    public WorkbookExporter(FunctionSet functions) {
        this.functions = Objects.requireNonNull(functions, "functions");
    }

    /** Daily (or W/M/Y) bars of one stock with a price-and-volume chart; returns the number of rows. */
    public int history(String code, LocalDate from, LocalDate to, String period, Path out) {
        FnResult.Table t = table("HISTORY", code, from.format(YMD), to.format(YMD), period == null ? "D" : period);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = SheetWriter.write(wb, "History " + code, t);
            HistoryChart.add(sheet, code, t.rows().size(), t.columns());
            WorkbookFiles.save(wb, out);
            return t.rows().size();
        } catch (IOException e) {
            throw new WorkbookException(WorkbookException.Kind.WRITE_FAILED, e.getMessage(), e);
        }
    }

    /** The account's holdings; returns the number of rows. */
    public int balance(Path out) {
        return simple("Balance", table("BALANCE"), out);
    }

    /** Orders and fills between two dates; returns the number of rows. */
    public int executions(LocalDate from, LocalDate to, Path out) {
        return simple("Executions", table("EXECUTIONS", from.format(YMD), to.format(YMD)), out);
    }

    private int simple(String name, FnResult.Table t, Path out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            SheetWriter.write(wb, name, t);
            WorkbookFiles.save(wb, out);
            return t.rows().size();
        } catch (IOException e) {
            throw new WorkbookException(WorkbookException.Kind.WRITE_FAILED, e.getMessage(), e);
        }
    }

    /** Runs a table function; failures surface as the function set's exceptions (BridgeException / KisException). */
    private FnResult.Table table(String fn, String... args) {
        FnResult r = functions.invoke(fn, new ArrayList<>(List.of(args)), java.util.Map.of());
        if (r instanceof FnResult.Table t) {
            return t;
        }
        throw new IllegalStateException(fn + " answered a single value");
    }
}
