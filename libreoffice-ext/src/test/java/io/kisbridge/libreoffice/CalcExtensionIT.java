package io.kisbridge.libreoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisbridge.core.realtime.Topic;
import io.kisbridge.simulator.market.TradeTick;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The extension in a real headless LibreOffice Calc: built by this module's package phase
 * ({@code target/kisbridge-calc.oxt}), installed into a fresh profile through the office's ExtensionManager (what
 * unopkg does; unopkg itself refuses a user profile when run as root, as CI is), then a second soffice on that
 * profile with {@code KISBRIDGE_URL} pointing at a bridge on the simulator. Cells are set with
 * {@code XCell.setFormula}, read once (see {@link #enter}) and then by polling; nothing here asks Calc to
 * recalculate, so every value that appears was pushed by the add-in. Skipped when soffice or python3-uno is missing
 * (CI installs {@code libreoffice-calc-nogui libreoffice-java-common python3-uno}).
 */
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalcExtensionIT {
    static final Path OXT = Path.of("target/kisbridge-calc.oxt");
    private static Path dir;
    private static SimulatedBridge bridge;
    private static CalcSession calc;

    @BeforeAll
    static void startCalc() throws Exception {
        Optional<Path> soffice = CalcSession.soffice();
        assumeTrue(soffice.isPresent(), "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"
                + " libreoffice-java-common");
        assumeTrue(CalcSession.pythonHasUno(), "python3-uno is not installed: apt-get install python3-uno");
        assertThat(OXT).as("the extension is built by mvn package before the integration tests").exists();
        dir = Files.createTempDirectory("kisbridge-calc-it");
        bridge = new SimulatedBridge(dir.resolve("state"));
        Path profile = CalcSession.freshProfile(dir);
        try (CalcSession installer = CalcSession.start(soffice.get(), profile, dir, Map.of())) {
            JsonNode r = installer.command("install", OXT.toAbsolutePath().toString());
            assertThat(r.path("ok").asBoolean()).as("install: %s", r).isTrue();
            assertThat(r.path("identifier").asText()).isEqualTo("io.kisbridge.libreoffice.calc");
        }
        calc = CalcSession.start(soffice.get(), profile, dir, Map.of("KISBRIDGE_URL", bridge.url(),
                "KISBRIDGE_CALC_LOG", dir.resolve("addin.log").toString()));
    }

    @AfterAll
    static void stopCalc() throws IOException {
        if (calc != null) {
            calc.close();
        }
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    @Order(3)
    void pointFunctionsShowTheSimulatorsValues() throws Exception {
        ok(calc.command("new"));
        ok(calc.command("set", "A1", "=KIS.PRICE(\"005930\")"));
        ok(calc.command("set", "A2", "=KIS.QUOTE(\"000660\";\"per\")"));
        ok(calc.command("set", "A3", "=KIS.PRICE(\"999999\")"));
        ok(calc.command("wait", "A1", Long.toString(bridge.sim.market().lastPrice("005930")), "20000"));
        double per = Double.parseDouble(bridgeText("/v1/fn/QUOTE/000660/per"));
        JsonNode a2 = awaitCell("A2", s -> !s.startsWith("#N/A"));
        assertThat(a2.path("value").asDouble()).isEqualTo(per);
        JsonNode a3 = awaitCell("A3", s -> !s.startsWith("#N/A waiting"));
        assertThat(a3.path("string").asText()).as("a bad code reads as the bridge's error text").startsWith("#VALUE!");
        ok(calc.command("close"));
    }

    @Test
    @Order(1)
    void aStreamCellFollowsTradesWithoutRecalculationAndClosingTheDocumentReleasesTheTopic() throws Exception {
        ok(calc.command("new"));
        enter("B1", "=KIS.STREAM(\"005930\")");
        enter("B2", "=KIS.STREAM(\"005930\";\"volume\")");
        awaitTopic("005930", "B2");
        List<Long> latenciesMicros = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long tickedAt = epochNanos();
            TradeTick t = bridge.sim.market().tick("005930");
            String volume = t.h0stcnt0Fields().get(13);
            JsonNode seen = calc.command("wait", "B2", volume, "1000");
            assertThat(seen.path("ok").asBoolean()).as("tick %d (volume %s) within 1 s: %s", i, volume, seen).isTrue();
            latenciesMicros.add((seen.path("at_ns").asLong() - tickedAt) / 1000);
            ok(calc.command("wait", "B1", Long.toString(t.price()), "1000"));
        }
        report("tick-to-cell latency in Calc, 40 trades (KIS.STREAM volume cell)", latenciesMicros);

        ok(calc.command("close"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !bridge.feed().topics().containsKey(Topic.trade("005930"))
                && bridge.sim.counters().subscriptions() == 0);
    }

    @Test
    @Order(2)
    void liveCellsSayTheBridgeIsDownWhileItIsAndComeBackWhenItReturns() throws Exception {
        ok(calc.command("new"));
        enter("C1", "=KIS.STREAM(\"000660\";\"volume\")");
        awaitTopic("000660", "C1");

        bridge.stop();
        ok(calc.command("wait", "C1", "#N/A bridge not running at " + bridge.url(), "10000"));

        bridge.start();
        awaitTopic("000660", "C1");
        ok(calc.command("close"));
    }

    @Test
    @Order(4)
    void aDocumentOfAThousandPriceCellsOverAHundredCodesFillsInFromOneRoundOfKisCalls() throws Exception {
        List<String> codes = bridge.sim.market().codes().subList(0, 100);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            rows.append("<table:table-row><table:table-cell table:formula=\"of:=IO.KISBRIDGE.LIBREOFFICE.KISADDIN.PRICE(")
                    .append("&quot;").append(codes.get(i % 100)).append("&quot;)\" office:value-type=\"string\"")
                    .append(" office:string-value=\"stale\"><text:p>stale</text:p></table:table-cell></table:table-row>\n");
        }
        Path book = dir.resolve("thousand.fods");
        Files.writeString(book, Fods.document(rows.toString()), StandardCharsets.UTF_8);
        bridge.bridge().functions().forgetResults();
        long multprice = bridge.sim.counters().calls("FHKST11300006");
        long single = bridge.sim.counters().calls("FHKST01010100");

        long start = System.nanoTime();
        ok(calc.command("load", book.toAbsolutePath().toString()));
        JsonNode all = calc.command("waitall", "A", "1", "1000", "60000");
        double fillMillis = (System.nanoTime() - start) / 1e6;
        assertThat(all.path("ok").asBoolean()).as("all 1,000 cells filled: %s", all).isTrue();

        for (int i = 0; i < 1000; i++) {
            assertThat(all.path("values").get(i).asDouble()).as("row %d", i + 1)
                    .isEqualTo((double) bridge.sim.market().lastPrice(codes.get(i % 100)));
        }
        long multpriceCalls = bridge.sim.counters().calls("FHKST11300006") - multprice;
        assertThat(multpriceCalls).as("100 codes in batches of 30").isBetween(4L, 8L);
        assertThat(bridge.sim.counters().calls("FHKST01010100") - single).isZero();
        System.out.printf("calc-bench: 1,000 PRICE cells over 100 codes filled in %.0f ms (load included),"
                + " %d intstock-multprice calls, 0 inquire-price%n", fillMillis, multpriceCalls);
        ok(calc.command("close"));
    }

    /**
     * Sets a formula and reads the cell once, as a view would. Calc computes a formula set through the API only when
     * its value is first asked for: a window showing the cell asks at once, a headless Calc with no view waits until
     * the cell is read, and until then the add-in is not even called (so nothing would subscribe). Reading a cell is
     * not a recalculation: after this, each value the cell shows was pushed by the add-in.
     */
    private static void enter(String cell, String formula) throws Exception {
        ok(calc.command("set", cell, formula));
        ok(calc.command("get", cell));
    }

    /**
     * Until the cell's subscription reached the simulator: the bridge's feed has the topic, and a trade made after
     * the KIS registration (which follows asynchronously) shows in the cell, a volume cell here.
     */
    private static void awaitTopic(String code, String cell) throws Exception {
        try {
            long asked = System.nanoTime();
            await().atMost(Duration.ofSeconds(90)).until(() -> bridge.feed().topics().containsKey(Topic.trade(code)));
            System.out.printf("calc-bench: trade:%s reached the bridge's feed %.1f s after the cell was set%n", code,
                    (System.nanoTime() - asked) / 1e9);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                bridge.sim.market().tick(code);
                return !calc.command("get", cell).path("string").asText().startsWith("#N/A");
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no trade of " + code + " reached " + cell + ": it shows "
                    + calc.command("get", cell) + "; the bridge's feed topics " + bridge.feed().topics(), e);
        }
    }

    private static JsonNode awaitCell(String cell, java.util.function.Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode r;
        do {
            r = ok(calc.command("get", cell));
            if (done.test(r.path("string").asText())) {
                return r;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError(cell + " never got there: " + r);
    }

    private static JsonNode ok(JsonNode r) {
        assertThat(r.path("ok").asBoolean()).as("driver answer %s", r).isTrue();
        return r;
    }

    private static String bridgeText(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(bridge.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
        return r.body().strip();
    }

    private static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void report(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        long median = sorted.get(sorted.size() / 2);
        long p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        System.out.printf("calc-bench: %s: median %.1f ms, p99 %.1f ms, max %.1f ms%n", what, median / 1000.0,
                p99 / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }
}
