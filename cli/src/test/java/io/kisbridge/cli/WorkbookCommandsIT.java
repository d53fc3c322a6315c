package io.kisbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.bridge.workbook.KisFormulas;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class WorkbookCommandsIT {
    @TempDir
    Path dir;

    private Path workbook(String name, String... formulas) throws Exception {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = KisFormulas.allowIn(new XSSFWorkbook()); OutputStream os = Files.newOutputStream(file)) {
            XSSFSheet s = wb.createSheet("S");
            for (int i = 0; i < formulas.length; i++) {
                s.createRow(i).createCell(0).setCellFormula(formulas[i]);
            }
            wb.write(os);
        }
        return file;
    }

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void refreshWritesFreshPricesToTheOutputAndLeavesTheInputAlone() throws Exception {
        Path in = workbook("in.xlsx", "KIS.PRICE(\"005930\")", "_xludf.KIS.PRICE(\"000660\")*2");
        String before = sha(in);
        Path out = dir.resolve("out.xlsx");

        CliRun r = CliRun.of("refresh", in.toString(), "-o", out.toString(), "--env", "demo");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Refreshed 2 KIS cells").contains("Wrote " + out);
        assertThat(r.err()).contains("kisbridge: calling");
        assertThat(sha(in)).isEqualTo(before);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(wb.getSheet("S").getRow(0).getCell(0).getNumericCellValue()).isPositive();
            assertThat(wb.getSheet("S").getRow(1).getCell(0).getNumericCellValue()).isPositive();
        }
    }

    @Test
    void failedCellsAreListedExitOneAndTheInputIsNotReplaced() throws Exception {
        Path in = workbook("bad.xlsx", "KIS.PRICE(\"005930\")", "KIS.QUOTE(\"005930\",\"no_such_field\")");
        String before = sha(in);

        CliRun r = CliRun.of("refresh", in.toString(), "--env", "demo");

        assertThat(r.exitCode()).isEqualTo(RefreshCommand.CELLS_FAILED);
        assertThat(r.err()).contains("1 cell failed").contains("S!A2").contains("no_such_field")
                .contains("left unchanged");
        assertThat(sha(in)).isEqualTo(before);
    }

    @Test
    void aMissingOrNonXlsxFileIsABadInputWithExitTwo() throws Exception {
        CliRun missing = CliRun.of("refresh", dir.resolve("nope.xlsx").toString(), "--env", "demo");
        assertThat(missing.exitCode()).isEqualTo(RefreshCommand.BAD_FILE);
        assertThat(missing.err()).contains("no such file");

        Path txt = Files.writeString(dir.resolve("t.xlsx"), "hello");
        CliRun text = CliRun.of("refresh", txt.toString(), "--env", "demo");
        assertThat(text.exitCode()).isEqualTo(RefreshCommand.BAD_FILE);
        assertThat(text.err()).contains("not an .xlsx workbook");
        assertThat(Files.readString(txt)).isEqualTo("hello");
    }

    @Test
    void exportHistoryWritesASheetWithAChart() throws Exception {
        Path out = dir.resolve("h.xlsx");

        CliRun r = CliRun.of("export", "history", "005930", "--from", "20260105", "--to", "20260227", "-o", out.toString(),
                "--env", "demo");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("rows to " + out);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(wb.getSheetAt(0).getDrawingPatriarch().getCharts()).hasSize(1);
            assertThat(wb.getSheetAt(0).getRow(0).getCell(4).getStringCellValue()).isEqualTo("close");
        }
    }

    @Test
    void exportBalanceWritesTheHoldings() throws Exception {
        Path out = dir.resolve("b.xlsx");

        CliRun r = CliRun.of("export", "balance", "-o", out.toString(), "--env", "demo");

        assertThat(r.exitCode()).as(r.err()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(wb.getSheet("Balance").getRow(0).getCell(0).getStringCellValue()).isEqualTo("code");
            assertThat(wb.getSheet("Balance").getLastRowNum()).isPositive();
        }
    }
}
