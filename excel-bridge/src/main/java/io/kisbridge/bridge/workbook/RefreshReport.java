package io.kisbridge.bridge.workbook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a refresh did.
 *
 * @param kisCells     formula cells that call a KIS function (any spelling, WEBSERVICE to the bridge included)
 * @param formulaCells all formula cells recalculated
 * @param calls        distinct function calls run through the function set (identical cells share one)
 * @param spilledCells cells written by table functions (outside their anchors)
 * @param errors       cells that failed, in sheet order
 * @param elapsed      wall time
 * @param written      where the refreshed workbook was written, or null when nothing was written
 */
public record RefreshReport(int kisCells, int formulaCells, int calls, int spilledCells, List<CellError> errors,
                            Duration elapsed, Path written) {
    public RefreshReport {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    RefreshReport withWritten(Path p) {
        return new RefreshReport(kisCells, formulaCells, calls, spilledCells, errors, elapsed, p);
    }
}
