package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kisbridge.core.KisEnvironment;
import io.kisbridge.simulator.market.DailyBar;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real LibreOffice Calc, headless, recalculates a workbook whose cells call the bridge with WEBSERVICE (HEAD then
 * GET per URL), and the stored result holds the simulator's prices. Recipe: /work/shared/libreoffice-headless.md —
 * a throwaway profile that trusts documents and always updates links, one soffice listening on a UNO socket, and
 * {@code libreoffice/recalc.py} (system python3 with python3-uno) loading with UpdateDocMode=3, calculateAll() and
 * storing CSV. Skipped (assumption) when soffice or python3-uno is missing; CI installs
 * {@code libreoffice-calc-nogui python3-uno}.
 */
@Timeout(180)
class LibreOfficeRecalcIT {
    private static final List<Path> SOFFICE = List.of(Path.of("/usr/bin/soffice"),
            Path.of("/usr/lib/libreoffice/program/soffice"), Path.of("/opt/libreoffice/program/soffice"));
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void calcRecalculatesWebserviceCellsToTheSimulatorsPrices(@TempDir Path dir) throws Exception {
        Optional<Path> soffice = SOFFICE.stream().filter(Files::isExecutable).findFirst();
        assumeTrue(soffice.isPresent(), "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
        assumeTrue(pythonHasUno(dir), "python3-uno is not installed: apt-get install python3-uno");

        try (BridgeFixture f = new BridgeFixture(dir.resolve("state"), KisEnvironment.REAL)) {
            DailyBar lastBar = f.sim.market().history("005930").getLast();
            String day = lastBar.date().format(DateTimeFormatter.BASIC_ISO_DATE);
            String u = f.bridge.url();
            Path book = dir.resolve("prices.fods");
            Files.writeString(book, fods(
                    row(formula("COM.MICROSOFT.WEBSERVICE(&quot;" + u + "/v1/fn/PRICE/005930&quot;)"),
                            formula("VALUE([.A1])*2")),
                    row(formula("COM.MICROSOFT.WEBSERVICE(&quot;" + u + "/v1/fn/QUOTE/000660/price&quot;)"),
                            formula("VALUE([.A2])+1")),
                    row(formula("COM.MICROSOFT.FILTERXML(COM.MICROSOFT.WEBSERVICE(&quot;" + u + "/v1/fn/PRICE/035420"
                            + "?format=xml&quot;);&quot;//value&quot;)"), formula("[.A3]")),
                    row(formula("COM.MICROSOFT.FILTERXML(COM.MICROSOFT.WEBSERVICE(&quot;" + u + "/v1/fn/HISTORY/005930/"
                            + day + "/" + day + "?format=xml&quot;);&quot;//close&quot;)"), formula("[.A4]"))),
                    StandardCharsets.UTF_8);
            Path csv = dir.resolve("prices.csv");

            String log = recalc(soffice.get(), dir, book, csv);

            assertThat(csv).as("soffice output:\n%s", log).exists();
            List<List<String>> cells = Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                    .map(line -> List.of(line.replace("\"", "").split(",", -1))).toList();
            long samsung = f.sim.market().lastPrice("005930");
            long hynix = f.sim.market().lastPrice("000660");
            long naver = f.sim.market().lastPrice("035420");
            assertThat(cells).as("soffice output:\n%s", log).hasSize(4);
            assertThat(cells.get(0)).containsExactly(Long.toString(samsung), Long.toString(samsung * 2));
            assertThat(cells.get(1)).containsExactly(Long.toString(hynix), Long.toString(hynix + 1));
            assertThat(cells.get(2)).containsExactly(Long.toString(naver), Long.toString(naver));
            assertThat(cells.get(3)).containsExactly(Long.toString(lastBar.close()), Long.toString(lastBar.close()));
            // the prices really came from KIS (the simulator) through the bridge during this recalculation
            assertThat(f.sim.counters().calls("FHKST11300006")).isPositive();
            assertThat(f.sim.counters().calls("FHKST01010100")).isPositive();
        }
    }

    @Test
    void calcRecalculatesWithinTheDeadlineWhileTheTokenIsRenewedAndTheCellsSayWhy(@TempDir Path dir) throws Exception {
        Optional<Path> soffice = SOFFICE.stream().filter(Files::isExecutable).findFirst();
        assumeTrue(soffice.isPresent(), "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
        assumeTrue(pythonHasUno(dir), "python3-uno is not installed: apt-get install python3-uno");

        try (BridgeFixture f = BridgeFixture.withWaitsUntilTheClockMoves(dir.resolve("state"), KisEnvironment.REAL,
                o -> o.withFnDeadline(Duration.ofSeconds(2)))) {
            String samsung = Long.toString(f.sim.market().lastPrice("005930"));
            await().atMost(Duration.ofSeconds(30)).until(() -> f.get("/v1/fn/PRICE/005930").body().equals(samsung));
            f.sim.faults().expireTokens(); // EGW00123 a moment after the token was issued: a new one in 61 s
            assertThat(f.get("/v1/fn/PRICE/000660").body()).startsWith("#N/A");
            await().atMost(Duration.ofSeconds(30)).until(() -> f.client.currentWait().isPresent());
            String u = f.bridge.url();
            Path book = dir.resolve("renewal.fods");
            Files.writeString(book, fods(
                    row(formula("COM.MICROSOFT.WEBSERVICE(&quot;" + u + "/v1/fn/PRICE/000660&quot;)"),
                            formula("IF(LEFT([.A1];4)=&quot;#N/A&quot;;&quot;waiting&quot;;&quot;value&quot;)")),
                    row(formula("COM.MICROSOFT.WEBSERVICE(&quot;" + u + "/v1/fn/QUOTE/035420/price&quot;)"),
                            formula("LEN([.A2])"))), StandardCharsets.UTF_8);
            Path csv = dir.resolve("renewal.csv");

            // the clock stands still, so the token stays 61 s away for the whole recalculation: without the
            // deadline WEBSERVICE would block Calc until recalc.py's own 120 s limit failed the test
            String log = recalc(soffice.get(), dir, book, csv);

            assertThat(csv).as("soffice output:\n%s", log).exists();
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            String reason = "#N/A waiting for a new KIS token: KIS grants one a minute, ready in about 61 s"
                    + " (recalculate then)";
            assertThat(lines).as("soffice output:\n%s", log).hasSize(2);
            assertThat(lines.get(0)).isEqualTo("\"" + reason + "\",\"waiting\"");
            assertThat(lines.get(1)).startsWith("\"#N/A waiting for a new KIS token");
            assertThat(f.sim.counters().tokenIssuances()).isEqualTo(1);

            // once the minute is over, the loads the cells started finish and the next recalculation gets values
            f.clock.advance(Duration.ofSeconds(61));
            String hynix = Long.toString(f.sim.market().lastPrice("000660"));
            await().atMost(Duration.ofSeconds(30)).until(() -> f.get("/v1/fn/PRICE/000660").body().equals(hynix));
        }
    }

    /** One soffice start: profile, listener, the UNO script, then soffice terminates (or is killed). */
    private static String recalc(Path soffice, Path dir, Path book, Path csv) throws Exception {
        Path profile = dir.resolve("profile");
        Files.createDirectories(profile.resolve("user"));
        try (InputStream in = resource("registrymodifications.xcu")) {
            Files.copy(in, profile.resolve("user/registrymodifications.xcu"));
        }
        Path script = dir.resolve("recalc.py");
        try (InputStream in = resource("recalc.py")) {
            Files.copy(in, script);
        }
        int unoPort = freePort();
        Process office = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                "--accept=socket,host=127.0.0.1,port=" + unoPort + ";urp;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        try {
            Process py = new ProcessBuilder(PYTHON.toString(), script.toString(), Integer.toString(unoPort),
                    book.toString(), csv.toString()).redirectErrorStream(true).start();
            String out = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = py.waitFor(120, TimeUnit.SECONDS);
            assertThat(done).as("recalc.py finished; output:\n%s", out).isTrue();
            assertThat(py.exitValue()).as("recalc.py exit code; output:\n%s", out).isZero();
            if (!office.waitFor(20, TimeUnit.SECONDS)) {
                office.destroy();
            }
            return out;
        } finally {
            if (office.isAlive()) {
                office.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean pythonHasUno(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import uno").redirectErrorStream(true)
                .redirectOutput(dir.resolve("uno-check.log").toFile()).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static InputStream resource(String name) {
        InputStream in = LibreOfficeRecalcIT.class.getResourceAsStream("/libreoffice/" + name);
        assertThat(in).as("test resource libreoffice/%s", name).isNotNull();
        return in;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A cell whose cached value is "stale", so only a real recalculation can produce the expected numbers. */
    private static String formula(String f) {
        return "<table:table-cell table:formula=\"of:=" + f + "\" office:value-type=\"string\""
                + " office:string-value=\"stale\"><text:p>stale</text:p></table:table-cell>";
    }

    private static String row(String... cells) {
        return "<table:table-row>" + String.join("", cells) + "</table:table-row>\n";
    }

    private static String fods(String... rows) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                    xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
                    office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
                <office:body><office:spreadsheet><table:table table:name="Prices">
                """ + String.join("", rows) + """
                </table:table></office:spreadsheet></office:body></office:document>
                """;
    }
}
