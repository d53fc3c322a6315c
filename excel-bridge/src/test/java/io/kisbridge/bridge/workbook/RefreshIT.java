package io.kisbridge.bridge.workbook;

import static io.kisbridge.bridge.workbook.Books.formula;
import static io.kisbridge.bridge.workbook.Books.num;
import static io.kisbridge.bridge.workbook.Books.str;
import static io.kisbridge.bridge.workbook.Books.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kisbridge.bridge.FnResult;
import io.kisbridge.simulator.SimEnvironment;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class RefreshIT {
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

    private XSSFWorkbook refreshed(XSSFWorkbook wb, String name, RefreshReport[] report) {
        Path in = Books.save(wb, dir.resolve(name + ".xlsx"));
        Path out = dir.resolve(name + "-out.xlsx");
        report[0] = f.refresher().refreshFile(in, out, false, RefreshProgress.NONE);
        assertThat(report[0].written()).isEqualTo(out);
        return Books.read(out);
    }

    @Test
    void everySpellingOfAKisFunctionIsRefreshedAndDependentFormulasFollow() {
        XSSFWorkbook wb = Books.create();
        XSSFSheet s = wb.createSheet("Prices");
        formula(s, "A1", "KIS.PRICE(\"005930\")");
        formula(s, "A2", "_xludf.KIS.PRICE(\"000660\")");
        formula(s, "A3", "_xldudf_KIS_PRICE(\"035420\")");
        formula(s, "A4", "kis.price(\"005380\")");
        value(s, "C5", 5930);
        formula(s, "A5", "KIS.PRICE(C5)");
        XSSFName udfName = wb.createName();
        udfName.setNameName("_xldudf_KIS_QUOTE");
        udfName.setFunction(true);
        formula(s, "A6", "_xldudf_KIS_QUOTE(\"005930\",\"price\")");
        // what LibreOffice Calc writes for the KIS Calc extension's functions (libreoffice-ext), in .xlsx as in .ods
        formula(s, "A7", "IO.KISBRIDGE.LIBREOFFICE.KISADDIN.PRICE(\"000660\")");
        formula(s, "A8", "io.kisbridge.libreoffice.KisAddIn.QUOTE(\"035420\",\"price\")");
        formula(s, "B1", "A1*10");
        formula(s, "B2", "SUM(A1:A4)");

        RefreshReport[] r = new RefreshReport[1];
        XSSFSheet out = refreshed(wb, "spellings", r).getSheet("Prices");

        assertThat(r[0].errors()).isEmpty();
        assertThat(r[0].kisCells()).isEqualTo(8);
        assertThat(num(out, "A1")).isEqualTo(f.price("005930"));
        assertThat(num(out, "A2")).isEqualTo(f.price("000660"));
        assertThat(num(out, "A3")).isEqualTo(f.price("035420"));
        assertThat(num(out, "A4")).isEqualTo(f.price("005380"));
        assertThat(num(out, "A5")).isEqualTo(f.price("005930"));
        assertThat(num(out, "A6")).isEqualTo(f.price("005930"));
        assertThat(num(out, "A7")).isEqualTo(f.price("000660"));
        assertThat(num(out, "A8")).isEqualTo(f.price("035420"));
        assertThat(num(out, "B1")).isEqualTo(f.price("005930") * 10.0);
        assertThat(num(out, "B2")).isEqualTo((double) f.price("005930") + f.price("000660") + f.price("035420")
                + f.price("005380"));
        assertThat(Books.cell(out, "A2").getCellFormula()).isEqualTo("_xludf.KIS.PRICE(\"000660\")");
    }

    @Test
    void tablesSpillFromTheirAnchorAndFormulasOverTheSpillSeeTheNumbers() {
        XSSFWorkbook wb = Books.create();
        XSSFSheet s = wb.createSheet("History");
        formula(s, "A1", "KIS.HISTORY(\"005930\",\"20260202\",\"20260227\")");
        formula(s, "J1", "MAX(E2:E60)");
        formula(s, "J2", "INDEX(KIS.HISTORY(\"005930\",\"20260202\",\"20260227\"),2,5)");
        formula(s, "J3", "COUNT(E2:E60)");
        XSSFSheet b = wb.createSheet("Balance");
        formula(b, "A1", "KIS.BALANCE()");
        XSSFSheet q = wb.createSheet("Quotes");
        formula(q, "A1", "KIS.QUOTES(\"005930,000660\",\"price,volume\")");

        RefreshReport[] r = new RefreshReport[1];
        XSSFWorkbook out = refreshed(wb, "tables", r);

        assertThat(r[0].errors()).isEmpty();
        FnResult.Table h = (FnResult.Table) f.functions.invoke("HISTORY", "005930", "20260202", "20260227");
        XSSFSheet hs = out.getSheet("History");
        assertThat(str(hs, "A1")).isEqualTo("date");
        assertThat(str(hs, "E1")).isEqualTo("close");
        assertThat(str(hs, "A2")).isEqualTo(h.rows().get(0).get(0));
        assertThat(num(hs, "E2")).isEqualTo(Double.parseDouble(h.rows().get(0).get(4)));
        int last = h.rows().size() + 1;
        assertThat(num(hs, "E" + last)).isEqualTo(Double.parseDouble(h.rows().get(h.rows().size() - 1).get(4)));
        double max = h.rows().stream().mapToDouble(x -> Double.parseDouble(x.get(4))).max().orElseThrow();
        assertThat(num(hs, "J1")).isEqualTo(max);
        assertThat(num(hs, "J2")).isEqualTo(Double.parseDouble(h.rows().get(0).get(4)));
        assertThat(num(hs, "J3")).isEqualTo(h.rows().size());

        XSSFSheet bs = out.getSheet("Balance");
        FnResult.Table bal = (FnResult.Table) f.functions.invoke("BALANCE");
        assertThat(str(bs, "A1")).isEqualTo("code");
        assertThat(str(bs, "A2")).isEqualTo(bal.rows().get(0).get(0));
        assertThat(num(bs, "C2")).isEqualTo(Double.parseDouble(bal.rows().get(0).get(2)));

        XSSFSheet qs = out.getSheet("Quotes");
        assertThat(str(qs, "A3")).isEqualTo("000660");
        assertThat(num(qs, "B2")).isEqualTo(f.price("005930"));
        assertThat(num(qs, "B3")).isEqualTo(f.price("000660"));
        assertThat(r[0].spilledCells()).isGreaterThan(h.rows().size() * 7);
    }

    @Test
    void aTableThatWouldOverwriteACellIsReportedAsSpillAndWritesNothing() {
        XSSFWorkbook wb = Books.create();
        XSSFSheet s = wb.createSheet("S");
        formula(s, "A1", "KIS.QUOTES(\"005930,000660\",\"price,volume\")");
        value(s, "B3", "mine");

        RefreshReport[] r = new RefreshReport[1];
        XSSFSheet out = refreshed(wb, "spill", r).getSheet("S");

        assertThat(r[0].errors()).singleElement().satisfies(e -> {
            assertThat(e.address()).isEqualTo("S!A1");
            assertThat(e.error()).isEqualTo("#SPILL!");
            assertThat(e.message()).contains("B3");
        });
        assertThat(str(out, "B3")).isEqualTo("mine");
        assertThat(Books.cell(out, "B2").getCellType()).isEqualTo(CellType.BLANK);
    }

    @Test
    void aSecondRefreshOverwritesItsOwnSpillAndClearsWhatTheTableNoLongerCovers() {
        XSSFWorkbook wb = Books.create();
        XSSFSheet s = wb.createSheet("S");
        value(s, "D1", "005930,000660,035420");
        formula(s, "A1", "KIS.QUOTES(D1,\"price\")");
        Path in = Books.save(wb, dir.resolve("twice.xlsx"));
        assertThat(f.refresher().refreshFile(in, null, false, RefreshProgress.NONE).ok()).isTrue();
        XSSFWorkbook again = KisFormulas.allowIn(Books.read(in));
        assertThat(str(again.getSheet("S"), "A4")).isEqualTo("035420");
        value(again.getSheet("S"), "D1", "005930");
        Books.save(again, in);

        RefreshReport r = f.refresher().refreshFile(in, null, false, RefreshProgress.NONE);

        assertThat(r.errors()).isEmpty();
        XSSFSheet out = Books.read(in).getSheet("S");
        assertThat(num(out, "B2")).isEqualTo(f.price("005930"));
        assertThat(Books.cell(out, "A3").getCellType()).isEqualTo(CellType.BLANK);
        assertThat(Books.cell(out, "A4").getCellType()).isEqualTo(CellType.BLANK);
    }

    @Test
    void eachFailingCellIsReportedWithItsReasonAndTheOthersStillRefresh() {
        XSSFWorkbook wb = Books.create();
        XSSFSheet s = wb.createSheet("S");
        formula(s, "A1", "KIS.PRICE(\"005930\")");
        formula(s, "A2", "KIS.PRICE(\"99999X\")");
        formula(s, "A3", "KIS.QUOTE(\"005930\",\"no_such_field\")");
        formula(s, "A4", "KIS.NOPE(1)");
        formula(s, "A5", "KIS.BOOK(\"005930\")");
        formula(s, "B2", "A2*2");

        RefreshReport[] r = new RefreshReport[1];
        XSSFSheet out = refreshed(wb, "errors", r).getSheet("S");

        assertThat(num(out, "A1")).isEqualTo(f.price("005930"));
        assertThat(r[0].errors()).extracting(CellError::cell).containsExactly("A2", "A3", "A4", "A5");
        assertThat(r[0].errors().get(0).error()).isEqualTo("#VALUE!");
        assertThat(r[0].errors().get(0).message()).contains("MCA05918");
        assertThat(r[0].errors().get(1).message()).contains("no_such_field");
        assertThat(r[0].errors().get(2).message()).contains("unknown function 'NOPE'");
        assertThat(r[0].errors().get(3).message()).contains("streaming");
        assertThat(Books.cell(out, "A2").getCachedFormulaResultType()).isEqualTo(CellType.ERROR);
        assertThat(Books.cell(out, "A2").getErrorCellValue()).isEqualTo(FormulaError.VALUE.getCode());
        assertThat(Books.cell(out, "B2").getErrorCellValue()).isEqualTo(FormulaError.VALUE.getCode());
    }

    @Test
    void twoThousandPriceCellsCostAFewBatchedCallsAndNoRateLimitRejection() {
        List<String> codes = f.sim.market().codes();
        XSSFWorkbook wb = Books.create();
        XSSFSheet s = wb.createSheet("Many");
        for (int i = 0; i < 2000; i++) {
            value(s, "A" + (i + 1), codes.get(i % codes.size()));
            formula(s, "B" + (i + 1), "KIS.PRICE(A" + (i + 1) + ")");
        }
        f.functions.invoke("QUOTE", "005930"); // the token is issued outside the measured refresh
        f.sim.counters().reset();

        RefreshReport[] r = new RefreshReport[1];
        XSSFSheet out = refreshed(wb, "many", r).getSheet("Many");

        assertThat(r[0].errors()).isEmpty();
        assertThat(r[0].kisCells()).isEqualTo(2000);
        for (int i = 0; i < 2000; i++) {
            assertThat(num(out, "B" + (i + 1))).isEqualTo(f.price(codes.get(i % codes.size())));
        }
        long all = f.sim.counters().callsByTrId().values().stream().mapToLong(Long::longValue).sum();
        assertThat(f.sim.counters().calls("FHKST11300006")).isPositive();
        assertThat(all).isLessThanOrEqualTo(24);
        assertThat(f.sim.counters().rateLimitRejections()).isZero();
        assertThat(f.sim.counters().maxCallsInAnySecond(SimEnvironment.REAL)).isLessThanOrEqualTo(20);
    }

    @Test
    void aMissingFileIsNamedAndNothingIsWritten() {
        Path out = dir.resolve("out.xlsx");
        assertThatThrownBy(() -> f.refresher().refreshFile(dir.resolve("nope.xlsx"), out, false, RefreshProgress.NONE))
                .isInstanceOfSatisfying(WorkbookException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WorkbookException.Kind.MISSING);
                    assertThat(e.getMessage()).contains("no such file").contains("nope.xlsx");
                });
        assertThat(out).doesNotExist();
    }

    @Test
    void aTextFileRenamedXlsxIsRefusedAndLeftUntouched() throws Exception {
        Path in = Files.writeString(dir.resolve("notes.xlsx"), "code,price\n005930,1\n");
        String before = Books.sha256(in);
        assertThatThrownBy(() -> f.refresher().refreshFile(in, null, true, RefreshProgress.NONE))
                .isInstanceOfSatisfying(WorkbookException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WorkbookException.Kind.NOT_XLSX);
                    assertThat(e.getMessage()).contains("not an .xlsx workbook");
                });
        assertThat(Books.sha256(in)).isEqualTo(before);
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedWithAHintAndLeftUntouched() throws Exception {
        Path in = dir.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem(); XSSFWorkbook wb = Books.create()) {
            formula(wb.createSheet("S"), "A1", "KIS.PRICE(\"005930\")");
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("letmein");
            try (OutputStream os = enc.getDataStream(fs)) {
                wb.write(os);
            }
            try (OutputStream file = Files.newOutputStream(in)) {
                fs.writeFilesystem(file);
            }
        }
        String before = Books.sha256(in);
        assertThatThrownBy(() -> f.refresher().refreshFile(in, null, true, RefreshProgress.NONE))
                .isInstanceOfSatisfying(WorkbookException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WorkbookException.Kind.ENCRYPTED);
                    assertThat(e.getMessage()).contains("password-protected");
                });
        assertThat(Books.sha256(in)).isEqualTo(before);
    }

    @Test
    void aBadFormulaLeavesTheInputUntouchedWhenRefreshingInPlace() {
        XSSFWorkbook wb = Books.create();
        formula(wb.createSheet("S"), "A1", "KIS.QUOTE(\"005930\",\"no_such_field\")");
        Path in = Books.save(wb, dir.resolve("bad.xlsx"));
        String before = Books.sha256(in);

        RefreshReport r = f.refresher().refreshFile(in, null, false, RefreshProgress.NONE);

        assertThat(r.ok()).isFalse();
        assertThat(r.written()).isNull();
        assertThat(r.errors().get(0).toString()).contains("S!A1").contains("no_such_field");
        assertThat(Books.sha256(in)).isEqualTo(before);
    }

    @Test
    void webserviceUrlsOfTheBridgeAreAnsweredLikeTheHttpContract() {
        XSSFWorkbook wb = Books.create();
        XSSFSheet s = wb.createSheet("S");
        value(s, "A1", "005930");
        formula(s, "B1", "VALUE(WEBSERVICE(\"http://127.0.0.1:8787/v1/fn/PRICE/\"&A1))");
        formula(s, "B2", "VALUE(_xlfn.WEBSERVICE(\"http://localhost:8787/v1/fn/QUOTE/000660/price\"))");
        formula(s, "B3", "WEBSERVICE(\"http://127.0.0.1:8787/v1/fn/QUOTES/005930?fields=price\")");
        formula(s, "B4", "WEBSERVICE(\"https://example.invalid/x\")");

        RefreshReport[] r = new RefreshReport[1];
        XSSFSheet out = refreshed(wb, "web", r).getSheet("S");

        assertThat(num(out, "B1")).isEqualTo(f.price("005930"));
        assertThat(num(out, "B2")).isEqualTo(f.price("000660"));
        assertThat(str(out, "B3")).isEqualTo("code,price\n005930," + f.price("005930") + "\n");
        assertThat(r[0].errors()).singleElement().satisfies(e -> {
            assertThat(e.cell()).isEqualTo("B4");
            assertThat(e.message()).contains("only the bridge's");
        });
    }

    @Test
    void aDateCellAsArgumentIsPassedAsYyyymmdd() {
        XSSFWorkbook wb = Books.create();
        XSSFSheet s = wb.createSheet("S");
        Books.cell(s, "A1").setCellValue(java.time.LocalDate.of(2026, 2, 2));
        Books.cell(s, "A2").setCellValue(java.time.LocalDate.of(2026, 2, 27));
        formula(s, "B1", "INDEX(KIS.HISTORY(\"005930\",A1,A2),2,1)");

        RefreshReport[] r = new RefreshReport[1];
        XSSFSheet out = refreshed(wb, "dates", r).getSheet("S");

        FnResult.Table h = (FnResult.Table) f.functions.invoke("HISTORY", "005930", "20260202", "20260227");
        assertThat(r[0].errors()).isEmpty();
        assertThat(str(out, "B1")).isEqualTo(h.rows().get(0).get(0));
    }
}
