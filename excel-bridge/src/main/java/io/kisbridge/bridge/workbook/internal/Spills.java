package io.kisbridge.bridge.workbook.internal;

import io.kisbridge.bridge.FnResult;
import io.kisbridge.bridge.workbook.internal.CallBook.CellRef;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes table answers into the cells right of and below their anchor, as a dynamic array would spill (header row
 * first). The ranges written are remembered in the custom document property {@value #PROPERTY} (one line
 * {@code sheet<TAB>A1:G30} per anchor), so the next refresh may overwrite and shrink them; any other non-empty cell
 * in the way blocks the spill (the anchor reports {@code #SPILL!}) and nothing of it is written.
 */
public final class Spills {
    public static final String PROPERTY = "kisbridge.spills";

    private Spills() {
    }

    /** Spills every anchor's table; returns the number of cells written. */
    public static int apply(XSSFWorkbook wb, CallBook book) {
        Map<String, CellRangeAddress> previous = read(wb);
        Map<String, CellRangeAddress> now = new LinkedHashMap<>();
        Set<String> claimed = new HashSet<>();
        int written = 0;
        for (Map.Entry<CellRef, CallKey> e : book.anchorCalls().entrySet()) {
            CellRef a = e.getKey();
            if (!(book.outcome(e.getValue()).orElse(null) instanceof CallBook.Outcome.Ok(FnResult.Table t))) {
                continue;
            }
            XSSFSheet sheet = wb.getSheetAt(a.sheet());
            String id = id(sheet, a.row(), a.col());
            CellRangeAddress prev = previous.get(id);
            int rows = t.rows().size() + 1;
            int cols = t.columns().size();
            CellRangeAddress range = new CellRangeAddress(a.row(), a.row() + rows - 1, a.col(), a.col() + cols - 1);
            String blocker = blocker(sheet, range, a, prev, claimed);
            if (blocker != null) {
                book.blockSpill(a, "the table needs " + range.formatAsString() + " but " + blocker
                        + " is not empty; clear it or move the formula");
                if (prev != null) {
                    clear(sheet, prev, a, null);
                }
                continue;
            }
            for (int r = 0; r < rows; r++) {
                List<String> values = r == 0 ? t.columns() : t.rows().get(r - 1);
                for (int c = 0; c < cols; c++) {
                    if (r == 0 && c == 0) {
                        continue;
                    }
                    Cell cell = cell(sheet, a.row() + r, a.col() + c);
                    String v = c < values.size() ? values.get(c) : "";
                    if (CellValues.isNumber(v)) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else if (v.isEmpty()) {
                        cell.setBlank();
                    } else {
                        cell.setCellValue(v);
                    }
                    claimed.add(sheet.getSheetName() + "!" + (a.row() + r) + ":" + (a.col() + c));
                    written++;
                }
            }
            if (prev != null) {
                clear(sheet, prev, a, range);
            }
            now.put(id, range);
        }
        write(wb, now);
        return written;
    }

    private static String blocker(XSSFSheet sheet, CellRangeAddress range, CellRef anchor, CellRangeAddress prev,
                                  Set<String> claimed) {
        for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
            Row row = sheet.getRow(r);
            for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
                if (r == anchor.row() && c == anchor.col()) {
                    continue;
                }
                String ref = new CellReference(r, c).formatAsString();
                if (claimed.contains(sheet.getSheetName() + "!" + r + ":" + c)) {
                    return ref + " (another table)";
                }
                Cell cell = row == null ? null : row.getCell(c);
                boolean empty = cell == null || cell.getCellType() == CellType.BLANK
                        || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isEmpty());
                if (!empty && (prev == null || !prev.isInRange(r, c) || cell.getCellType() == CellType.FORMULA)) {
                    return ref;
                }
            }
        }
        return null;
    }

    /** Blanks the cells of {@code old} outside {@code keep} (and never the anchor). */
    private static void clear(XSSFSheet sheet, CellRangeAddress old, CellRef anchor, CellRangeAddress keep) {
        for (int r = old.getFirstRow(); r <= old.getLastRow(); r++) {
            Row row = sheet.getRow(r);
            for (int c = old.getFirstColumn(); row != null && c <= old.getLastColumn(); c++) {
                Cell cell = row.getCell(c);
                boolean isAnchor = r == anchor.row() && c == anchor.col();
                if (cell != null && !isAnchor && (keep == null || !keep.isInRange(r, c))
                        && cell.getCellType() != CellType.FORMULA) {
                    cell.setBlank();
                }
            }
        }
    }

    private static Cell cell(XSSFSheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        if (row == null) {
            row = sheet.createRow(r);
        }
        Cell cell = row.getCell(c);
        return cell == null ? row.createCell(c) : cell;
    }

    private static String id(XSSFSheet sheet, int r, int c) {
        return sheet.getSheetName() + "\t" + new CellReference(r, c).formatAsString();
    }

    static Map<String, CellRangeAddress> read(XSSFWorkbook wb) {
        Map<String, CellRangeAddress> out = new LinkedHashMap<>();
        POIXMLProperties.CustomProperties cp = wb.getProperties().getCustomProperties();
        if (!cp.contains(PROPERTY) || cp.getProperty(PROPERTY).getLpwstr() == null) {
            return out;
        }
        for (String line : cp.getProperty(PROPERTY).getLpwstr().split("\n")) {
            String[] p = line.split("\t");
            if (p.length == 2) {
                try {
                    CellRangeAddress range = CellRangeAddress.valueOf(p[1]);
                    out.put(p[0] + "\t" + new CellReference(range.getFirstRow(), range.getFirstColumn()).formatAsString(),
                            range);
                } catch (RuntimeException ignored) {
                    // a hand-edited property: forget that line
                }
            }
        }
        return out;
    }

    private static void write(XSSFWorkbook wb, Map<String, CellRangeAddress> ranges) {
        StringBuilder b = new StringBuilder();
        ranges.forEach((id, r) -> b.append(b.isEmpty() ? "" : "\n").append(id, 0, id.indexOf('\t'))
                .append('\t').append(r.formatAsString()));
        POIXMLProperties.CustomProperties cp = wb.getProperties().getCustomProperties();
        if (cp.contains(PROPERTY)) {
            cp.getProperty(PROPERTY).setLpwstr(b.toString());
        } else if (!b.isEmpty()) {
            cp.addProperty(PROPERTY, b.toString());
        }
    }
}
