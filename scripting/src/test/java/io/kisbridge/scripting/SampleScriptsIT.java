package io.kisbridge.scripting;

import static io.kisbridge.scripting.Scripts.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every script in samples/scripts, run against the simulator. */
@Timeout(120)
class SampleScriptsIT {
    private static final Path SAMPLES = Path.of("..", "samples", "scripts");
    private static final String CODE = "005930";

    @TempDir
    static Path dir;

    private static SimulatorFixture fx;
    private static ScriptRuntime runtime;

    @BeforeAll
    static void start() {
        fx = new SimulatorFixture(dir.resolve("state"));
        runtime = fx.runtime().timeout(Duration.ofSeconds(60)).outputFolder(dir.resolve("out")).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        fx.close();
    }

    private static ScriptRun start(String sample, String... args) {
        return runtime.start(SAMPLES.resolve(sample), List.of(args));
    }

    private static ScriptRun tickUntilDone(ScriptRun run) {
        await().atMost(Duration.ofSeconds(50)).pollInterval(Duration.ofMillis(150)).until(() -> {
            fx.sim.market().tick(CODE);
            return run.state() != ScriptRun.State.RUNNING;
        });
        return run;
    }

    @Test
    void priceAlertInJavascriptAlertsOnAMoveAndPublishesIt() {
        String out = output(tickUntilDone(start("price_alert.js", CODE, "0.01")));
        assertThat(out).contains("price now ").contains("watching 005930 from ").containsPattern("ALERT 005930 (up|down) ");
        assertThat(runtime.published().value("alert." + CODE)).get().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKeys("price", "reference", "movePct");
    }

    @Test
    void priceAlertInPythonAlertsOnAMove() {
        String out = output(tickUntilDone(start("price_alert.py", CODE, "0.01")));
        assertThat(out).contains("watching 005930 from ").containsPattern("ALERT 005930 (up|down) ");
    }

    @Test
    void momentumScreenerInJavascriptRanksTheCodesAndWritesAnXlsxAndACsv() throws Exception {
        ScriptRun run = start("momentum_screener.js", "20", "005930", "000660", "035420");
        assertThat(run.await(Duration.ofSeconds(60))).isTrue();
        assertThat(output(run)).contains(" 1 ").contains("wrote 3 rows to momentum.xlsx and ");
        List<String> csv = Files.readAllLines(dir.resolve("out").resolve("momentum.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).isEqualTo("rank,code,close,date,returnPct");
        assertThat(csv.get(1)).startsWith("1,");
        assertRanking(dir.resolve("out").resolve("momentum.xlsx"));
        assertThat(runtime.published().value("momentum.top")).get().isIn("005930", "000660", "035420");
    }

    @Test
    void momentumScreenerInPythonWritesAnXlsxReadsItBackAndPublishesTheLeader() throws Exception {
        ScriptRun run = start("momentum_screener.py", "20", "005930", "000660", "035420");
        assertThat(run.await(Duration.ofSeconds(90))).isTrue();
        assertThat(output(run)).contains("wrote 3 rows to momentum_py.xlsx, read back 3");
        Object leader = assertRanking(dir.resolve("out").resolve("momentum_py.xlsx"));
        await().atMost(Duration.ofSeconds(5)).until(() -> runtime.published().value("momentum.top")
                .filter(leader::equals).isPresent());
    }

    /** The sheet "Momentum": header, three ranked rows, codes as text, closes as numbers, dates as date cells; the leader's code. */
    private static Object assertRanking(Path xlsx) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheet("Momentum");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            List<String> header = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("rank", "code", "close", "date", "returnPct");
            double previous = Double.MAX_VALUE;
            for (int r = 1; r <= 3; r++) {
                assertThat(sheet.getRow(r).getCell(0).getNumericCellValue()).isEqualTo(r);
                assertThat(sheet.getRow(r).getCell(1).getCellType()).isEqualTo(CellType.STRING);
                assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).isIn("005930", "000660", "035420");
                assertThat(sheet.getRow(r).getCell(2).getNumericCellValue()).isPositive();
                assertThat(DateUtil.isCellDateFormatted(sheet.getRow(r).getCell(3))).isTrue();
                double ret = sheet.getRow(r).getCell(4).getNumericCellValue();
                assertThat(ret).isLessThanOrEqualTo(previous);
                previous = ret;
            }
            return sheet.getRow(1).getCell(1).getStringCellValue();
        }
    }

    @Test
    void rebalanceDryRunPlansOrdersAndSendsNone() throws Exception {
        long orders = fx.sim.counters().ordersReceived();
        ScriptRun run = start("rebalance_dryrun.py", "005930=0.5", "000660=0.2");
        assertThat(run.await(Duration.ofSeconds(60))).isTrue();
        assertThat(output(run)).contains("account value ").containsPattern("(BUY|SELL) +005930 ")
                .contains("dry run: nothing was sent");
        assertThat(runtime.published().value("rebalance.plan")).get().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).isNotEmpty();
        assertThat(fx.sim.counters().ordersReceived()).isEqualTo(orders);
    }

    @Test
    void fillsLoggerLogsAFillOfAnOrderPlacedElsewhere() throws Exception {
        ScriptRun run = start("fills_logger.js", "1");
        awaitFillsSubscription(run);
        long upper = fx.client.currentPrice(CODE).upperLimit();
        fx.client.buy(CODE, 1, upper);
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        assertThat(output(run)).contains("FILL buy 005930 1 @ ").contains("1 fills logged");
        assertThat(runtime.published().value("fills.last")).get().isInstanceOf(Map.class);
    }

    @Test
    void fillsLoggerInPythonLogsAFillPublishesItAndKeepsAWorkbook() throws Exception {
        ScriptRun run = start("fills_logger.py", "1");
        awaitFillsSubscription(run);
        long upper = fx.client.currentPrice(CODE).upperLimit();
        fx.client.buy(CODE, 1, upper);
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        assertThat(output(run)).contains("FILL buy 005930 1 @ ").contains("1 fills logged");
        assertThat(runtime.published().latest("fills.last")).get()
                .satisfies(p -> assertThat(p.scriptId()).isEqualTo(run.id()))
                .extracting(PublishedValues.Published::value).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("code", CODE);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("out").resolve("fills.xlsx")))) {
            XSSFSheet sheet = wb.getSheet("Fills");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(CODE);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    private static void awaitFillsSubscription(ScriptRun run) {
        await().atMost(Duration.ofSeconds(60)).until(() -> run.output().contains("logging fills until 1")
                && fx.feed.topics().keySet().stream().anyMatch(t -> t.toString().equals("fills")));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.sim.counters().subscriptions() > 0);
    }
}
