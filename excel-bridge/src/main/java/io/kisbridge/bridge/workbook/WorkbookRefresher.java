package io.kisbridge.bridge.workbook;

import io.kisbridge.bridge.FunctionSet;
import io.kisbridge.bridge.workbook.internal.CallBook;
import io.kisbridge.bridge.workbook.internal.CallBook.CellRef;
import io.kisbridge.bridge.workbook.internal.Formulas;
import io.kisbridge.bridge.workbook.internal.Spills;
import io.kisbridge.bridge.workbook.internal.WorkbookFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Headless refresh of KIS formulas with Apache POI: every KIS.* call in the workbook (in any spelling Excel saves
 * it — {@code KIS.PRICE}, {@code _xludf.KIS.PRICE}, {@code _xldudf_KIS_PRICE} — and {@code WEBSERVICE} URLs of the
 * bridge) is collected first, all calls run concurrently through the bridge's {@link FunctionSet} (so they coalesce
 * and batch as in {@code POST /v1/batch}), tables spill from their anchor cell, then every formula is recalculated
 * and its cached value written, so the file opens with fresh numbers in any spreadsheet.
 */
public final class WorkbookRefresher {
    /** Arguments that depend on other KIS answers need another round; more than this is a loop in the workbook. */
    private static final int MAX_ROUNDS = 8;

    private final FunctionSet functions;

    public WorkbookRefresher(FunctionSet functions) {
        this.functions = Objects.requireNonNull(functions, "functions");
    }

    /**
     * Refreshes {@code in} and writes the result to {@code out} (temp file + move). {@code out} null or the same file
     * as {@code in} means in place: then the input is replaced only when every cell refreshed, unless
     * {@code replaceInputOnErrors}. The input is never modified when {@code out} is another file.
     *
     * @throws WorkbookException when the input cannot be read (missing, not xlsx, password-protected) or the output
     *                           cannot be written; the input is untouched
     */
    public RefreshReport refreshFile(Path in, Path out, boolean replaceInputOnErrors, RefreshProgress progress) {
        progress.update("reading", 0, 1);
        try (XSSFWorkbook wb = WorkbookFiles.open(in)) {
            RefreshReport report = refresh(wb, progress);
            Path target = out == null ? in : out;
            if (sameFile(in, target) && !report.ok() && !replaceInputOnErrors) {
                return report;
            }
            progress.update("writing", 0, 1);
            WorkbookFiles.save(wb, target);
            progress.update("writing", 1, 1);
            return report.withWritten(target);
        } catch (IOException e) {
            throw new WorkbookException(WorkbookException.Kind.UNREADABLE, "cannot close " + in + ": " + e.getMessage(), e);
        }
    }

    /** Refreshes an open workbook in memory (cells and cached values); the caller writes it. */
    public RefreshReport refresh(XSSFWorkbook wb, RefreshProgress progress) {
        long t0 = System.nanoTime();
        List<Cell> formulas = new ArrayList<>();
        List<Cell> kisCells = new ArrayList<>();
        Set<CellRef> anchors = new HashSet<>();
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            XSSFSheet sheet = wb.getSheetAt(s);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.FORMULA) {
                        continue;
                    }
                    formulas.add(cell);
                    String f = cell.getCellFormula();
                    if (Formulas.mentionsKis(f)) {
                        kisCells.add(cell);
                        if (Formulas.isSingleKisCall(f)) {
                            anchors.add(new CellRef(s, cell.getRowIndex(), cell.getColumnIndex()));
                        }
                    }
                }
            }
        }
        CallBook book = new CallBook(functions, anchors);
        wb.addToolPack(book);
        XSSFFormulaEvaluator ev = XSSFFormulaEvaluator.create(wb, null, book);
        List<CellError> errors = new ArrayList<>();

        int calls = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            ev.clearAllCachedResultValues();
            book.mode(CallBook.Mode.COLLECT);
            for (int i = 0; i < kisCells.size(); i++) {
                try {
                    ev.evaluate(kisCells.get(i));
                } catch (RuntimeException e) {
                    // reported by the final pass
                }
                if (i % 200 == 0) {
                    progress.update("collecting", i, kisCells.size());
                }
            }
            if (!book.hasPending()) {
                break;
            }
            calls += book.runPending(progress);
        }

        int spilled = Spills.apply(wb, book);

        ev.clearAllCachedResultValues();
        book.mode(CallBook.Mode.FINAL);
        for (int i = 0; i < formulas.size(); i++) {
            Cell cell = formulas.get(i);
            try {
                ev.evaluateFormulaCell(cell);
            } catch (RuntimeException e) {
                errors.add(new CellError(cell.getSheet().getSheetName(), ref(cell), cell.getCellFormula(), "#N/A",
                        "cannot be evaluated headless: " + rootMessage(e)));
            }
            if (i % 200 == 0 || i == formulas.size() - 1) {
                progress.update("evaluating", i + 1, formulas.size());
            }
        }
        for (Map.Entry<CellRef, List<CallBook.Outcome.Failed>> e : book.failures().entrySet()) {
            CellRef c = e.getKey();
            XSSFSheet sheet = wb.getSheetAt(c.sheet());
            Cell cell = sheet.getRow(c.row()).getCell(c.col());
            List<CallBook.Outcome.Failed> fs = e.getValue();
            errors.add(new CellError(sheet.getSheetName(), ref(cell), cell.getCellFormula(), fs.get(0).cellError(),
                    fs.stream().map(CallBook.Outcome.Failed::message).distinct().collect(Collectors.joining("; "))));
        }
        errors.sort((a, b) -> {
            int s = Integer.compare(wb.getSheetIndex(a.sheet()), wb.getSheetIndex(b.sheet()));
            if (s != 0) {
                return s;
            }
            CellReference ra = new CellReference(a.cell());
            CellReference rb = new CellReference(b.cell());
            return ra.getRow() != rb.getRow() ? Integer.compare(ra.getRow(), rb.getRow())
                    : Integer.compare(ra.getCol(), rb.getCol());
        });
        return new RefreshReport(kisCells.size(), formulas.size(), calls, spilled, errors,
                Duration.ofNanos(System.nanoTime() - t0), null);
    }

    private static String ref(Cell c) {
        return new CellReference(c.getRowIndex(), c.getColumnIndex()).formatAsString();
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())
                    || (Files.exists(b) && Files.isSameFile(a, b));
        } catch (IOException e) {
            return false;
        }
    }
}
