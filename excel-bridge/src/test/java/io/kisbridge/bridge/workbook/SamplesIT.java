package io.kisbridge.bridge.workbook;

import static io.kisbridge.bridge.workbook.Books.num;
import static io.kisbridge.bridge.workbook.Books.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kisbridge.bridge.FnResult;
import io.kisbridge.bridge.workbook.SampleWorkbooks.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The committed samples/ workbooks: built by SampleWorkbooks, refreshed against the simulator. */
@Timeout(120)
class SamplesIT {
    private static final Path SAMPLES = Path.of("..", "samples");

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

    private XSSFWorkbook refresh(String sample) throws Exception {
        Path copy = dir.resolve(Path.of(sample).getFileName());
        Files.copy(SAMPLES.resolve(sample), copy);
        RefreshReport r = f.refresher().refreshFile(copy, null, false, RefreshProgress.NONE);
        assertThat(r.errors()).as(sample).isEmpty();
        assertThat(r.written()).isEqualTo(copy);
        return Books.read(copy);
    }

    @Test
    void theCommittedSamplesAreWhatTheGeneratorBuilds() throws Exception {
        SampleWorkbooks.writeAll(dir.resolve("gen"));
        for (String s : List.of("portfolio/portfolio.xlsx", "portfolio/portfolio-libreoffice.xlsx",
                "watchlist/watchlist.xlsx", "history/history.xlsx")) {
            assertThat(cells(SAMPLES.resolve(s))).as(s).isEqualTo(cells(dir.resolve("gen").resolve(s)));
            assertThat(SAMPLES.resolve(s).resolveSibling("README.md")).exists();
        }
    }

    @Test
    void portfolioShowsEachPriceAndItsProfitOrLoss() throws Exception {
        for (String sample : List.of("portfolio/portfolio.xlsx", "portfolio/portfolio-libreoffice.xlsx")) {
            XSSFSheet s = refresh(sample).getSheet("Portfolio");
            double totalPl = 0;
            for (int i = 0; i < SampleWorkbooks.PORTFOLIO.size(); i++) {
                Position p = SampleWorkbooks.PORTFOLIO.get(i);
                int r = i + 2;
                long price = f.price(p.code());
                assertThat(num(s, "E" + r)).as(sample + " " + p.code()).isEqualTo(price);
                assertThat(num(s, "F" + r)).isEqualTo(price * p.qty());
                assertThat(num(s, "G" + r)).isEqualTo((price - p.avgPrice()) * (double) p.qty());
                assertThat(num(s, "H" + r)).isCloseTo((price - p.avgPrice()) / (double) p.avgPrice(), within(1e-12));
                if (sample.equals("portfolio/portfolio.xlsx")) {
                    assertThat(num(s, "I" + r)).as("stream snapshot").isEqualTo(price);
                }
                totalPl += (price - p.avgPrice()) * (double) p.qty();
            }
            assertThat(num(s, "G7")).isEqualTo(totalPl);
        }
    }

    @Test
    void watchlistSpillsTheQuotesAndFlagsTheAlerts() throws Exception {
        XSSFSheet s = refresh("watchlist/watchlist.xlsx").getSheet("Watchlist");
        String[] codes = SampleWorkbooks.WATCHLIST_CODES.split(",");
        assertThat(str(s, "A3")).isEqualTo("code");
        assertThat(str(s, "B3")).isEqualTo("price");
        for (int i = 0; i < codes.length; i++) {
            assertThat(str(s, "A" + (4 + i))).isEqualTo(codes[i]);
            assertThat(num(s, "B" + (4 + i))).isEqualTo(f.price(codes[i]));
        }
        assertThat(num(s, "C11")).isEqualTo(f.price("005930"));
        assertThat(str(s, "D11")).isEqualTo(f.price("005930") >= 80_000 ? "above target" : "below target");
        assertThat(str(s, "D12")).isEqualTo(f.price("035720") >= 30_000 ? "above target" : "below target");
    }

    @Test
    void historyAnalysisMatchesTheBarsTheSimulatorReports() throws Exception {
        XSSFSheet s = refresh("history/history.xlsx").getSheet("History");
        FnResult.Table t = (FnResult.Table) f.functions.invoke("HISTORY", SampleWorkbooks.HISTORY_CODE,
                SampleWorkbooks.HISTORY_FROM, SampleWorkbooks.HISTORY_TO);
        List<List<String>> rows = t.rows();
        double lastClose = Double.parseDouble(rows.get(rows.size() - 1).get(4));
        double firstClose = Double.parseDouble(rows.get(0).get(4));
        assertThat(str(s, "A6")).isEqualTo(rows.get(0).get(0));
        assertThat(num(s, "K5")).isEqualTo(lastClose);
        assertThat(num(s, "K6")).isEqualTo(rows.stream().mapToDouble(r -> Double.parseDouble(r.get(2))).max().orElseThrow());
        assertThat(num(s, "K7")).isEqualTo(rows.stream().mapToDouble(r -> Double.parseDouble(r.get(3))).min().orElseThrow());
        assertThat(num(s, "K8")).isCloseTo(rows.stream().mapToDouble(r -> Double.parseDouble(r.get(4))).average()
                .orElseThrow(), within(1e-6));
        assertThat(num(s, "K9")).isEqualTo(rows.size());
        assertThat(num(s, "K11")).isCloseTo(lastClose / firstClose - 1, within(1e-12));
    }

    /** Every cell's formula or value, as text: what the generator decides (not timestamps or zip layout). */
    private static List<String> cells(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = Books.read(file)) {
            for (var sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        String v = c.getCellType() == CellType.FORMULA ? "=" + c.getCellFormula() : c.toString();
                        out.add(sheet.getSheetName() + "!" + c.getAddress() + " " + v);
                    }
                }
            }
        }
        return out;
    }
}
