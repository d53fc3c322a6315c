package io.kisbridge.bridge.workbook;

import io.kisbridge.bridge.workbook.internal.WorkbookFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds the sample workbooks committed under samples/ (so they are reproducible): {@code main(samplesDir)} writes
 * them; SamplesIT checks the committed files still match and refreshes them against the simulator.
 */
public final class SampleWorkbooks {
    /** A holding of the sample portfolio: code, name, quantity, average price. */
    public record Position(String code, String name, int qty, long avgPrice) {
    }

    public static final List<Position> PORTFOLIO = List.of(
            new Position("005930", "Samsung Electronics", 10, 70_000),
            new Position("000660", "SK hynix", 5, 150_000),
            new Position("035420", "NAVER", 3, 200_000),
            new Position("005380", "Hyundai Motor", 2, 220_000));
    public static final String WATCHLIST_CODES = "005930,000660,035420,005380,035720";
    public static final String HISTORY_CODE = "005930";
    public static final String HISTORY_FROM = "20260105";
    public static final String HISTORY_TO = "20260227";
    public static final String BRIDGE = "http://127.0.0.1:8787";

    private SampleWorkbooks() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples");
        writeAll(dir);
    }

    public static void writeAll(Path dir) {
        save(portfolio(false), dir.resolve("portfolio/portfolio.xlsx"));
        save(portfolio(true), dir.resolve("portfolio/portfolio-libreoffice.xlsx"));
        save(watchlist(), dir.resolve("watchlist/watchlist.xlsx"));
        save(history(), dir.resolve("history/history.xlsx"));
    }

    /** Holdings with live prices and P/L; Excel: KIS.PRICE + streaming KIS.STREAM; LibreOffice: WEBSERVICE. */
    public static XSSFWorkbook portfolio(boolean libreOffice) {
        XSSFWorkbook wb = KisFormulas.allowIn(new XSSFWorkbook());
        XSSFSheet s = wb.createSheet("Portfolio");
        Styles st = new Styles(wb);
        header(s, st, libreOffice
                ? List.of("Code", "Name", "Qty", "Avg price", "Price", "Value", "P/L", "P/L %")
                : List.of("Code", "Name", "Qty", "Avg price", "Price", "Value", "P/L", "P/L %", "Live (stream)"));
        for (int i = 0; i < PORTFOLIO.size(); i++) {
            Position p = PORTFOLIO.get(i);
            int r = i + 2;
            Row row = s.createRow(r - 1);
            row.createCell(0).setCellValue(p.code());
            row.createCell(1).setCellValue(p.name());
            num(row, 2, p.qty(), st.integer);
            num(row, 3, p.avgPrice(), st.integer);
            formula(row, 4, libreOffice ? "VALUE(WEBSERVICE(\"" + BRIDGE + "/v1/fn/PRICE/\"&A" + r + "))"
                    : "KIS.PRICE(A" + r + ")", st.integer);
            formula(row, 5, "E" + r + "*C" + r, st.integer);
            formula(row, 6, "(E" + r + "-D" + r + ")*C" + r, st.integer);
            formula(row, 7, "IF(D" + r + "=0,0,(E" + r + "-D" + r + ")/D" + r + ")", st.percent);
            if (!libreOffice) {
                formula(row, 8, "KIS.STREAM(A" + r + ",\"price\")", st.integer);
            }
        }
        int total = PORTFOLIO.size() + 2;
        Row t = s.createRow(total);
        t.createCell(0).setCellValue("Total");
        formula(t, 5, "SUM(F2:F" + (total - 1) + ")", st.integer);
        formula(t, 6, "SUM(G2:G" + (total - 1) + ")", st.integer);
        widths(s, 10, 22, 8, 12, 12, 14, 14, 9, 14);
        s.createFreezePane(0, 1);
        return wb;
    }

    /** Current quotes of a list of codes (a spilled KIS.QUOTES table) and price alerts. */
    public static XSSFWorkbook watchlist() {
        XSSFWorkbook wb = KisFormulas.allowIn(new XSSFWorkbook());
        XSSFSheet s = wb.createSheet("Watchlist");
        Styles st = new Styles(wb);
        Row r0 = s.createRow(0);
        r0.createCell(0).setCellValue("Codes");
        r0.createCell(1).setCellValue(WATCHLIST_CODES);
        s.createRow(2).createCell(0).setCellFormula("KIS.QUOTES(B1,\"price,change,change_pct,volume,per\")");
        header(s, st, 9, List.of("Alert code", "Target", "Price", "Status"));
        String[][] alerts = {{"005930", "80000"}, {"035720", "30000"}};
        for (int i = 0; i < alerts.length; i++) {
            int r = 11 + i;
            Row row = s.createRow(r - 1);
            row.createCell(0).setCellValue(alerts[i][0]);
            num(row, 1, Long.parseLong(alerts[i][1]), st.integer);
            formula(row, 2, "KIS.PRICE(A" + r + ")", st.integer);
            row.createCell(3).setCellFormula("IF(C" + r + ">=B" + r + ",\"above target\",\"below target\")");
        }
        widths(s, 12, 12, 12, 12, 14, 12);
        return wb;
    }

    /** A spilled KIS.HISTORY table and an analysis block over it. */
    public static XSSFWorkbook history() {
        XSSFWorkbook wb = KisFormulas.allowIn(new XSSFWorkbook());
        XSSFSheet s = wb.createSheet("History");
        Styles st = new Styles(wb);
        String[][] inputs = {{"Code", HISTORY_CODE}, {"From", HISTORY_FROM}, {"To", HISTORY_TO}};
        for (int i = 0; i < inputs.length; i++) {
            Row row = s.createRow(i);
            row.createCell(0).setCellValue(inputs[i][0]);
            row.createCell(1).setCellValue(inputs[i][1]);
        }
        s.createRow(4).createCell(0).setCellFormula("KIS.HISTORY(B1,B2,B3)");
        String[][] analysis = {
            {"Last close", "INDEX(E6:E400,COUNT(E6:E400))"},
            {"Highest high", "MAX(C6:C400)"},
            {"Lowest low", "MIN(D6:D400)"},
            {"Average close", "AVERAGE(E6:E400)"},
            {"Trading days", "COUNT(E6:E400)"},
            {"Total volume", "SUM(F6:F400)"},
            {"Return", "K5/E6-1"}};
        for (int i = 0; i < analysis.length; i++) {
            Row row = s.getRow(4 + i) == null ? s.createRow(4 + i) : s.getRow(4 + i);
            row.createCell(9).setCellValue(analysis[i][0]);
            formula(row, 10, analysis[i][1], i == analysis.length - 1 ? st.percent : st.integer);
        }
        widths(s, 12, 10, 10, 10, 10, 12, 16, 2, 2, 16, 14);
        return wb;
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle integer;
        final CellStyle percent;

        Styles(XSSFWorkbook wb) {
            header = wb.createCellStyle();
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
        }
    }

    private static void header(XSSFSheet s, Styles st, List<String> names) {
        header(s, st, 0, names);
    }

    private static void header(XSSFSheet s, Styles st, int rowIndex, List<String> names) {
        Row row = s.getRow(rowIndex) == null ? s.createRow(rowIndex) : s.getRow(rowIndex);
        for (int c = 0; c < names.size(); c++) {
            XSSFCell cell = (XSSFCell) row.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(st.header);
        }
    }

    private static void num(Row row, int col, double v, CellStyle style) {
        row.createCell(col).setCellValue(v);
        row.getCell(col).setCellStyle(style);
    }

    private static void formula(Row row, int col, String f, CellStyle style) {
        row.createCell(col).setCellFormula(f);
        row.getCell(col).setCellStyle(style);
    }

    private static void widths(XSSFSheet s, int... chars) {
        for (int c = 0; c < chars.length; c++) {
            s.setColumnWidth(c, chars[c] * 256);
        }
    }

    private static void save(XSSFWorkbook wb, Path file) {
        try (wb) {
            WorkbookFiles.save(wb, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
