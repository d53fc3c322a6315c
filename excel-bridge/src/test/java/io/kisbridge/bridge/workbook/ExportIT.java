package io.kisbridge.bridge.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.bridge.FnResult;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ExportIT {
    @TempDir
    Path dir;
    SimFixture f;

    @BeforeEach
    void start() {
        f = new SimFixture(dir.resolve("state"));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void historyExportHasFormattedRowsAFrozenHeaderAndAPriceAndVolumeChart() throws Exception {
        Path out = dir.resolve("h.xlsx");
        int rows = new WorkbookExporter(f.functions).history("005930", LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 2, 27), "D", out);

        FnResult.Table t = (FnResult.Table) f.functions.invoke("HISTORY", "005930", "20260105", "20260227");
        assertThat(rows).isEqualTo(t.rows().size()).isGreaterThan(20);
        try (XSSFWorkbook wb = Books.read(out)) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(s.getSheetName()).isEqualTo("History 005930");
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(s.getRow(0).getCell(4).getStringCellValue()).isEqualTo("close");
            assertThat(s.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(s.getRow(1).getCell(0))).isTrue();
            assertThat(s.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate().toString())
                    .isEqualTo(t.rows().get(0).get(0));
            assertThat(s.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(Double.parseDouble(t.rows().get(0).get(4)));
            assertThat(s.getRow(1).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(s.getColumnWidth(0)).isGreaterThan(256 * 9);
            assertThat(s.getDrawingPatriarch().getCharts()).hasSize(1);
            XSSFChart chart = s.getDrawingPatriarch().getCharts().get(0);
            assertThat(chart.getChartSeries()).hasSize(2);
            XDDFChartData bars = chart.getChartSeries().get(0);
            XDDFChartData line = chart.getChartSeries().get(1);
            assertThat(bars).isInstanceOf(XDDFBarChartData.class);
            assertThat(line).isInstanceOf(XDDFLineChartData.class);
            assertThat(line.getSeries(0).getValuesData().getPointCount()).isEqualTo(rows);
            assertThat(line.getSeries(0).getValuesData().getDataRangeReference()).contains("$E$2:$E$" + (rows + 1));
            assertThat(bars.getSeries(0).getValuesData().getDataRangeReference()).contains("$F$2:$F$" + (rows + 1));
        }
    }

    @Test
    void balanceExportListsEveryHoldingWithNumberFormats() throws Exception {
        Path out = dir.resolve("b.xlsx");
        int rows = new WorkbookExporter(f.functions).balance(out);

        FnResult.Table t = (FnResult.Table) f.functions.invoke("BALANCE");
        assertThat(rows).isEqualTo(t.rows().size()).isPositive();
        try (XSSFWorkbook wb = Books.read(out)) {
            XSSFSheet s = wb.getSheet("Balance");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo(t.rows().get(0).get(0));
            assertThat(s.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(Double.parseDouble(t.rows().get(0).get(2)));
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
        }
    }

    @Test
    void executionsExportWritesTheDaysOrders() throws Exception {
        f.client.call("order-cash", java.util.Map.of("side", "buy", "PDNO", "005930", "ORD_DVSN", "01",
                "ORD_QTY", "1", "ORD_UNPR", "0"));
        Path out = dir.resolve("x.xlsx");
        int rows = new WorkbookExporter(f.functions).executions(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3), out);

        assertThat(rows).isPositive();
        try (XSSFWorkbook wb = Books.read(out)) {
            XSSFSheet s = wb.getSheet("Executions");
            assertThat(s.getRow(0).getCell(5).getStringCellValue()).isEqualTo("code");
            assertThat(s.getRow(1).getCell(5).getStringCellValue()).isEqualTo("005930");
        }
    }
}
