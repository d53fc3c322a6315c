package io.kisbridge.bridge.workbook.internal;

import io.kisbridge.bridge.FnResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A table as a formatted sheet: bold filled header, frozen first row, autofilter, number formats, widths. */
public final class SheetWriter {
    private static final Set<String> DECIMAL = Set.of("avg_price", "avg_fill_price", "pl_pct", "change_pct");
    private static final Set<String> DATES = Set.of("date");

    private SheetWriter() {
    }

    public static XSSFSheet write(XSSFWorkbook wb, String name, FnResult.Table t) {
        XSSFSheet sheet = wb.createSheet(name);
        CellStyle header = wb.createCellStyle();
        XSSFFont bold = wb.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setAlignment(HorizontalAlignment.CENTER);
        CellStyle integer = wb.createCellStyle();
        integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
        CellStyle decimal = wb.createCellStyle();
        decimal.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));

        List<String> cols = t.columns();
        XSSFRow h = sheet.createRow(0);
        for (int c = 0; c < cols.size(); c++) {
            XSSFCell cell = h.createCell(c);
            cell.setCellValue(cols.get(c));
            cell.setCellStyle(header);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XSSFRow row = sheet.createRow(r + 1);
            List<String> values = t.rows().get(r);
            for (int c = 0; c < cols.size(); c++) {
                String v = c < values.size() ? values.get(c) : "";
                String col = cols.get(c).toLowerCase(Locale.ROOT);
                XSSFCell cell = row.createCell(c);
                if (DATES.contains(col) && v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    cell.setCellValue(LocalDate.parse(v));
                    cell.setCellStyle(date);
                } else if (DATES.contains(col) && v.matches("\\d{8}")) {
                    cell.setCellValue(LocalDate.parse(v, java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
                    cell.setCellStyle(date);
                } else if (CellValues.isNumber(v)) {
                    cell.setCellValue(Double.parseDouble(v));
                    cell.setCellStyle(DECIMAL.contains(col) || v.contains(".") ? decimal : integer);
                } else {
                    cell.setCellValue(v);
                }
            }
        }
        sheet.createFreezePane(0, 1);
        if (!t.rows().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, t.rows().size(), 0, cols.size() - 1));
        }
        for (int c = 0; c < cols.size(); c++) {
            // widths from the longest text (autoSizeColumn needs fonts installed; a headless server may have none)
            int longest = cols.get(c).length() + 2;
            for (List<String> row : t.rows()) {
                longest = Math.max(longest, c < row.size() ? row.get(c).length() + 3 : 0);
            }
            sheet.setColumnWidth(c, Math.min(60, Math.max(10, longest)) * 256);
        }
        return sheet;
    }
}
