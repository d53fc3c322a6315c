package io.kisbridge.scripting;

import static io.kisbridge.scripting.Scripts.output;
import static io.kisbridge.scripting.Scripts.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.core.KisClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** workbook.write / workbook.read in both languages, and every way out of the output folder refused. */
@Timeout(120)
class ScriptWorkbookTest {
    @TempDir
    static Path dir;

    private static Path out;
    private static Path outside;
    private static KisClient client;
    private static ScriptRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        out = Files.createDirectories(dir.resolve("out"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.xlsx"), "not for scripts");
        Files.createSymbolicLink(out.resolve("link"), outside);
        Files.createSymbolicLink(out.resolve("linked.xlsx"), outside.resolve("secret.xlsx"));
        client = Scripts.offlineClient(dir.resolve("state"));
        runtime = ScriptRuntime.builder(client).timeout(Duration.ofSeconds(60)).outputFolder(out).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        client.close();
    }

    @Test
    void javascriptWritesAFormattedWorkbookAndReadsItBackAsNativeObjects() throws Exception {
        String js = """
                const rows = [
                    {code: '005930', close: 71900, date: '2024-01-31', returnPct: 1.25, note: 'lead'},
                    {code: '000660', close: 135000, date: '2024-01-31', returnPct: -0.5},
                ];
                const name = workbook.write('screens/momentum.xlsx', {Momentum: rows, Raw: [['a', 'b'], [1, 2]]});
                const back = workbook.read('screens/momentum.xlsx', 'Momentum');
                const raw = workbook.read('screens/momentum.xlsx', 'Raw');
                print(name);
                print(Array.isArray(back), back.length, typeof back[0].close, back[0].close, back[0].code,
                      back[0].date, back[1].returnPct, back[1].note === null, raw[0].b);
                """;
        String printed = output(runToEnd(runtime, "wb.js", js));
        assertThat(printed).contains("screens/momentum.xlsx\n")
                .contains("true 2 number 71900 005930 2024-01-31 -0.5 true 2");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("screens/momentum.xlsx")))) {
            XSSFSheet s = wb.getSheet("Momentum");
            assertThat(s.getRow(0).getCell(4).getStringCellValue()).isEqualTo("note");
            assertThat(s.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(s.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(71900.0);
            assertThat(DateUtil.isCellDateFormatted(s.getRow(1).getCell(2))).isTrue();
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(wb.getSheetName(1)).isEqualTo("Raw");
        }
    }

    @Test
    void pythonWritesAWorkbookAndReadsItBackAsDictsWithNativeNumbers() throws Exception {
        String py = """
                rows = [{"code": "005930", "close": 71900, "weight": 0.4}, {"code": "000660", "close": 135000, "weight": 0.3}]
                name = workbook.write("plan.xlsx", {"Plan": rows})
                back = workbook.read("plan.xlsx")
                print(name, type(back).__name__, type(back[0]).__name__, type(back[0]["close"]).__name__,
                      back[0]["close"] + 1, back[1]["code"], back[1]["weight"])
                """;
        assertThat(output(runToEnd(runtime, "wb.py", py))).contains("plan.xlsx list dict int 71901 000660 0.3");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("plan.xlsx")))) {
            assertThat(wb.getSheet("Plan").getRow(2).getCell(0).getStringCellValue()).isEqualTo("000660");
        }
    }

    @Test
    void javascriptCannotWriteOrReadWorkbooksOutsideTheOutputFolder() throws Exception {
        StringBuilder js = new StringBuilder("const names = [");
        for (String n : escapes()) {
            js.append("'").append(n.replace("\\", "\\\\")).append("',");
        }
        js.append("];\nfor (const n of names) {\n"
                + "  try { workbook.write(n, {S: [{a: 1}]}); print('WROTE ' + n); } catch (e) { print('W ' + e.name + ': ' + e.message); }\n"
                + "  try { workbook.read(n); print('READ ' + n); } catch (e) { print('R ' + e.name + ': ' + e.message); }\n"
                + "}\n");
        assertRefused(output(runToEnd(runtime, "escape.js", js.toString())));
    }

    @Test
    void pythonCannotWriteOrReadWorkbooksOutsideTheOutputFolder() throws Exception {
        StringBuilder py = new StringBuilder("names = [");
        for (String n : escapes()) {
            py.append("'").append(n.replace("\\", "\\\\")).append("',");
        }
        py.append("]\nfor n in names:\n"
                + "    try:\n        workbook.write(n, {'S': [{'a': 1}]})\n        print('WROTE ' + n)\n"
                + "    except KisError as e:\n        print('W KisError: ' + str(e))\n"
                + "    try:\n        workbook.read(n)\n        print('READ ' + n)\n"
                + "    except KisError as e:\n        print('R KisError: ' + str(e))\n");
        assertRefused(output(runToEnd(runtime, "escape.py", py.toString())));
    }

    private static List<String> escapes() {
        return List.of("../escaped.xlsx", "a/../../escaped.xlsx", outside.resolve("abs.xlsx").toString(),
                "link/escaped.xlsx", "linked.xlsx", "notes.txt");
    }

    private static void assertRefused(String printed) throws Exception {
        assertThat(printed).doesNotContain("WROTE").doesNotContain("READ").doesNotContain("not for scripts");
        assertThat(printed.lines().filter(l -> l.startsWith("W KisError: workbook.write refused: ")).count()).isEqualTo(6);
        assertThat(printed.lines().filter(l -> l.startsWith("R KisError: workbook.read refused: ")).count()).isEqualTo(6);
        assertThat(printed).contains("leaves the output folder (..)").contains("is an absolute path")
                .contains("symbolic link").contains("must end in .xlsx");
        try (var files = Files.list(outside)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret.xlsx");
        }
        assertThat(Files.readString(outside.resolve("secret.xlsx"))).isEqualTo("not for scripts");
        assertThat(dir.resolve("escaped.xlsx")).doesNotExist();
    }

    @Test
    void readingAMissingFileOrSheetSaysWhatIsMissing() throws Exception {
        String js = """
                workbook.write('two.xlsx', {First: [{a: 1}], Second: [{b: 2}]});
                try { workbook.read('nope.xlsx'); } catch (e) { print(e.message); }
                try { workbook.read('two.xlsx', 'Third'); } catch (e) { print(e.message); }
                try { workbook.write('bad.xlsx', {'a/b': [{a: 1}]}); } catch (e) { print(e.message); }
                print(JSON.stringify(workbook.read('two.xlsx', 'Second')));
                """;
        assertThat(output(runToEnd(runtime, "missing.js", js)))
                .contains("no file 'nope.xlsx' in the output folder")
                .contains("no sheet 'Third' in two.xlsx; its sheets are First, Second")
                .contains("'a/b' is not a sheet name")
                .contains("[{\"b\":2}]");
    }
}
