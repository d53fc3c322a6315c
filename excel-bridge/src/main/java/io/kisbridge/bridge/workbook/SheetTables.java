package io.kisbridge.bridge.workbook;

import io.kisbridge.bridge.FnResult;
import io.kisbridge.bridge.workbook.internal.SheetWriter;
import io.kisbridge.bridge.workbook.internal.WorkbookFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Plain tables to and from .xlsx sheets, for scripts: written with the exports' formatting (bold frozen header,
 * number and date formats, sized columns; atomic save) and read back as typed rows.
 */
public final class SheetTables {
    private SheetTables() {
    }

    /** Writes one sheet per entry (in the map's order); sheet names must be valid Excel names (1-31 characters). */
    public static void write(Map<String, FnResult.Table> sheets, Path out) {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (Map.Entry<String, FnResult.Table> e : sheets.entrySet()) {
                String name = e.getKey();
                try {
                    WorkbookUtil.validateSheetName(name);
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("'" + name + "' is not a sheet name (1-31 characters, none of"
                            + " : \\ / ? * [ ], not starting or ending with ')");
                }
                SheetWriter.write(wb, name, e.getValue());
            }
            WorkbookFiles.save(wb, out);
        } catch (IOException e) {
            throw new WorkbookException(WorkbookException.Kind.WRITE_FAILED, e.getMessage(), e);
        }
    }

    /**
     * The rows of a sheet (the first when {@code sheet} is null or empty), header row included, as String, Double,
     * Boolean or null (empty); date cells as ISO text ({@code 2024-01-31}, with the time when it is not midnight);
     * formulas as their cached values.
     */
    public static List<List<Object>> read(Path in, String sheet) {
        try (XSSFWorkbook wb = WorkbookFiles.open(in)) {
            Sheet s = sheet == null || sheet.isEmpty() ? wb.getSheetAt(0) : wb.getSheet(sheet);
            if (s == null) {
                List<String> names = new ArrayList<>();
                wb.forEach(x -> names.add(x.getSheetName()));
                throw new IllegalArgumentException("no sheet '" + sheet + "' in " + in.getFileName() + "; its sheets are "
                        + String.join(", ", names));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int r = 0; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                List<Object> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        values.add(value(row.getCell(c)));
                    }
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException e) {
            throw new WorkbookException(WorkbookException.Kind.UNREADABLE, e.getMessage(), e);
        }
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType t = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (t) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    var dt = cell.getLocalDateTimeCellValue();
                    yield dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? dt.toLocalDate().toString() : dt.toString();
                }
                yield cell.getNumericCellValue();
            }
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case ERROR -> "#ERROR";
            default -> null;
        };
    }
}
