package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.SimEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard at / in headless Chromium against a live bridge: driven over the DevTools protocol
 * (--remote-debugging-port, a few lines of JSON over java.net.http.WebSocket), DOM checked, screenshot saved to
 * target/dashboard.png. Background networking, component updates and sync are off (the network is closed).
 */
@Timeout(150)
class DashboardChromiumIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDashboardShowsALivePriceAndAConnectedFeedInHeadlessChromium(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir.resolve("state"), KisEnvironment.REAL);
                AutoCloseable ticks = ExternalTools.tickEvery100ms(f, "005930", "000660");
                Browser b = Browser.open(dir, f.url("/?codes=005930,000660"), f.bridge.url())) {
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(b.cdp.eval("document.getElementById('feed-status').textContent")).isEqualTo("connected");
                assertThat(b.cdp.eval("document.getElementById('price-005930').textContent")).matches("[0-9][0-9,]*");
                assertThat(b.cdp.eval("document.getElementById('price-000660').textContent")).matches("[0-9][0-9,]*");
                // a live update arrived over the stream (the trade time is filled only by /v1/stream)
                assertThat(b.cdp.eval("document.getElementById('time-005930').textContent")).matches("\\d\\d:\\d\\d:\\d\\d");
            });
        }
    }

    /**
     * The "done": after the demo has run a few seconds the watchlist shows numbers and sparklines, the chart
     * has the day's minute bars (more than the ticks seen), the book 10 levels a side, the status panel's topic count
     * and call rate match GET /v1/status, the screenshot's chart area is drawn; a fill appears in the fills panel, and
     * no secret is anywhere on the page.
     */
    @Test
    void theDashboardShowsTheDaysBarsTheBookTheFillsAndTheBridgesOwnCountersWithoutASecret(@TempDir Path dir)
            throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir.resolve("state"), KisEnvironment.REAL);
                AutoCloseable ticks = ExternalTools.tickEvery100ms(f, "005930", "000660");
                Browser b = Browser.open(dir, f.url("/?codes=005930,000660"), f.bridge.url())) {
            Cdp cdp = b.cdp;
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(cdp.eval("document.getElementById('price-000660').textContent")).matches("[0-9][0-9,]*");
                assertThat(cdp.eval("document.getElementById('pct-005930').textContent")).matches("[+-]?[0-9.]+%");
                assertThat(cdp.eval("document.getElementById('volume-005930').textContent")).matches("[0-9][0-9,]*");
                assertThat(cdp.eval("document.getElementById('price-005930').className")).containsPattern("up|down|flat");
                assertThat(intOf(cdp.eval("document.querySelector('#spark-000660 .spark-chart').dataset.points")))
                        .isGreaterThan(30);
                // today's bars from the minute API (09:00 to the simulator's 10:00), not only the minutes of the ticks
                int bars = intOf(cdp.eval("document.getElementById('chart').dataset.bars"));
                assertThat(intOf(cdp.eval("document.getElementById('chart').dataset.ticks"))).isPositive();
                assertThat(bars).isGreaterThan(30)
                        .isGreaterThan(intOf(cdp.eval("document.getElementById('chart').dataset.tickMinutes")));
                assertThat(cdp.eval("document.getElementById('book-rows').dataset.asks")).isEqualTo("10");
                assertThat(cdp.eval("document.getElementById('book-rows').dataset.bids")).isEqualTo("10");
                assertThat(cdp.eval("document.querySelectorAll('#book-rows tr').length")).isEqualTo("20");
            });

            // the status panel shows what GET /v1/status says (the page polls it every two seconds)
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                JsonNode page = JSON.readTree(cdp.eval("JSON.stringify({reg: document.getElementById('sv-topics')"
                        + ".dataset.registrations, end: document.getElementById('sv-rate').dataset.endSecond,"
                        + " last: document.getElementById('sv-rate').dataset.lastMinute})"));
                JsonNode st = JSON.readTree(f.get("/v1/status").body());
                // trade:005930, trade:000660, book:005930 and fills
                assertThat(st.path("topics").path("registrations").asInt()).isEqualTo(4);
                assertThat(page.path("reg").asText()).isEqualTo("4");
                long pageEnd = page.path("end").asLong();
                long pageLastMinute = page.path("last").asLong();
                JsonNode per = st.path("calls").path("perSecond");
                long behind = st.path("calls").path("endSecond").asLong() - pageEnd;
                assertThat(behind).isBetween(0L, 200L);
                long sum = 0;
                for (int i = per.size() - 1 - (int) behind, n = 0; n < 60; i--, n++) {
                    sum += per.get(i).asLong();
                }
                assertThat(pageLastMinute).isPositive().isEqualTo(sum);
            });

            // a fill placed in the simulator appears in the fills panel, the account masked
            String key = f.bridgeKey();
            assertThat(f.post("/v1/trading", "{\"armed\":true}", "X-Bridge-Key", key).statusCode()).isEqualTo(200);
            assertThat(f.post("/v1/orders", "{\"code\":\"005930\",\"side\":\"buy\",\"qty\":3,\"price\":0}",
                    "X-Bridge-Key", key, "Idempotency-Key", "dashboard-fill").statusCode()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(cdp.eval("document.getElementById('fill-rows').dataset.count")).isEqualTo("1");
                assertThat(cdp.eval("document.getElementById('fill-rows').innerText"))
                        .contains("005930").contains("buy").contains("****-");
            });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(cdp.eval("document.getElementById('sv-trading').textContent")).isEqualTo("ARMED"));

            byte[] png = Base64.getDecoder().decode(cdp.call("Page.captureScreenshot", Map.of("format", "png"))
                    .path("data").asText());
            Path shot = Path.of("target", "dashboard.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, png);
            JsonNode rect = JSON.readTree(cdp.eval("JSON.stringify(document.getElementById('chart')"
                    + ".getBoundingClientRect())"));
            int[] drawn = chartPixels(ImageIO.read(new ByteArrayInputStream(png)), rect);
            assertThat(drawn[0]).as("candle/volume pixels in the Korean colours").isGreaterThan(500);
            assertThat(drawn[1]).as("chart pixels that are not background").isGreaterThan(2_000);

            recordLoadTimes(cdp, 7);

            DemoCredentials c = f.sim.credentials(SimEnvironment.REAL);
            String text = cdp.eval("document.documentElement.outerHTML + document.body.innerText");
            String account = c.accountNumber().replace("-", "");
            for (String secret : List.of(c.appKey(), c.appSecret(), account.substring(0, 8), c.htsId(), key)) {
                assertThat(text).as("a secret on the page").doesNotContain(secret);
            }
        }
    }

    @Test
    void theDashboardComesBackByItselfWhenTheBridgeRestartsOnItsPort(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir.resolve("state"), KisEnvironment.REAL);
                AutoCloseable ticks = ExternalTools.tickEvery100ms(f, "005930");
                Browser b = Browser.open(dir, f.url("/?codes=005930"), f.bridge.url())) {
            Cdp cdp = b.cdp;
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(cdp.eval("document.getElementById('feed-status').textContent")).isEqualTo("connected");
                assertThat(cdp.eval("document.getElementById('sv-bridge').dataset.state")).isEqualTo("ok");
            });
            int port = f.bridge.port();
            f.bridge.close();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(cdp.eval("document.getElementById('feed-status').textContent")).isEqualTo("disconnected");
                assertThat(cdp.eval("document.getElementById('sv-bridge').textContent")).startsWith("unreachable");
            });
            cdp.eval("document.getElementById('time-005930').textContent = ''");
            try (BridgeServer again = BridgeServer.start(BridgeOptions.defaults(dir.resolve("state")).withPort(port)
                    .withHttpsPort(0), f.client, RealtimeFeed.builder(f.client, true).build())) {
                await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    assertThat(cdp.eval("document.getElementById('feed-status').textContent")).isEqualTo("connected");
                    assertThat(cdp.eval("document.getElementById('sv-bridge').dataset.state")).isEqualTo("ok");
                    // trades flow again over the new socket (the page resubscribed by itself)
                    assertThat(cdp.eval("document.getElementById('time-005930').textContent"))
                            .matches("\\d\\d:\\d\\d:\\d\\d");
                });
                assertThat(again.port()).isEqualTo(port);
            }
        }
    }

    /**
     * With no codes in the address and none saved, the watchlist is the first HTS group; the chart switches to daily
     * bars; a running script's output shows once the bridge key is pasted and its Stop button stops it; the task pane
     * shows the same status view.
     */
    @Test
    void theDashboardTakesTheHtsGroupDrawsDailyBarsAndStopsAScriptWithTheKeyAndThePaneSharesTheView(@TempDir Path dir)
            throws Exception {
        FakeScripts scripts = new FakeScripts();
        try (BridgeFixture f = new BridgeFixture(dir.resolve("state"), KisEnvironment.REAL, o -> o, sim -> sim,
                services -> scripts);
                Browser b = Browser.open(dir, f.url("/"), f.bridge.url())) {
            Cdp cdp = b.cdp;
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(cdp.eval("document.getElementById('watch-source').textContent")).startsWith("HTS group");
                // the simulator's first group: 005930,000660,005380,035420,051910,068270
                assertThat(cdp.eval("document.querySelectorAll('#watch-rows tr').length")).isEqualTo("6");
                assertThat(cdp.eval("document.getElementById('price-068270').textContent")).matches("[0-9][0-9,]*");
                assertThat(cdp.eval("document.getElementById('sv-scripts').textContent")).contains("ticker.js running");
                assertThat(cdp.eval("document.getElementById('sv-script-note').textContent"))
                        .contains("paste the bridge key");
            });
            assertThat(cdp.eval("document.querySelectorAll('#sv-scripts .sv-stop').length")).isEqualTo("0");

            cdp.eval("var m = document.getElementById('chart-mode'); m.value = '365';"
                    + " m.dispatchEvent(new Event('change')); 'ok'");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(intOf(cdp.eval("document.getElementById('chart').dataset.bars"))).isGreaterThan(200);
                assertThat(cdp.eval("document.getElementById('chart-note').textContent")).endsWith(" bars");
            });

            cdp.eval("document.getElementById('bridge-key').value = " + JSON.writeValueAsString(f.bridgeKey())
                    + "; document.getElementById('save-key').click(); 'ok'");
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(cdp.eval("document.querySelector('#sv-scripts li[data-id=\"run-1\"] .sv-output')"
                            + ".textContent")).contains("hello from the script"));
            cdp.eval("document.querySelector('#sv-scripts li[data-id=\"run-1\"] .sv-stop').click(); 'ok'");
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(scripts.stopped).containsExactly("run-1");
                assertThat(cdp.eval("document.querySelector('#sv-scripts li[data-id=\"run-1\"]').dataset.state"))
                        .isEqualTo("stopped");
            });

            // the task pane (outside Excel: Office.js cannot load here, the pane starts without it) shows the same view
            cdp.call("Page.navigate", Map.of("url", f.url("/addin/taskpane.html")));
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                JsonNode st = JSON.readTree(f.get("/v1/status").body());
                assertThat(cdp.eval("document.getElementById('sv-topics').dataset.registrations"))
                        .isEqualTo(st.path("topics").path("registrations").asText());
                assertThat(cdp.eval("document.getElementById('sv-rate').textContent")).contains("limit 20/s");
                assertThat(cdp.eval("document.getElementById('sv-scripts').textContent")).contains("ticker.js stopped");
            });
            Files.write(Path.of("target", "taskpane.png"), Base64.getDecoder().decode(
                    cdp.call("Page.captureScreenshot", Map.of("format", "png")).path("data").asText()));
        }
    }

    /** A script host with one run that prints a line and runs until it is stopped. */
    private static final class FakeScripts implements ScriptHost {
        final List<String> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.time.Instant started = java.time.Instant.parse("2026-03-03T01:00:00Z");

        private RunInfo info() {
            return stopped.isEmpty()
                    ? new RunInfo("run-1", "ticker.js", "js", "running", started, null, null, "hello from the script\n")
                    : new RunInfo("run-1", "ticker.js", "js", "stopped", started, started.plusSeconds(5),
                    "ticker.js: stopped on request", "hello from the script\n");
        }

        @Override
        public RunInfo start(StartRequest request) {
            throw BridgeException.badInput("this test host starts nothing");
        }

        @Override
        public List<RunInfo> runs() {
            return List.of(info());
        }

        @Override
        public Optional<RunInfo> run(String id) {
            return "run-1".equals(id) ? Optional.of(info()) : Optional.empty();
        }

        @Override
        public Optional<RunInfo> stop(String id) {
            if (!"run-1".equals(id)) {
                return Optional.empty();
            }
            if (stopped.isEmpty()) {
                stopped.add(id);
            }
            return Optional.of(info());
        }

        @Override
        public void close() {
        }
    }

    /**
     * Reloads the page {@code loads} times and writes to target/dashboard-load.txt, per load and as medians, when the
     * browser fired "load" and when the page first showed the quotes and drew the chart (its User Timing marks), in
     * ms from navigation start. A record for BENCHMARKS.md, not a bound: the test asserts only that the page got there.
     */
    private static void recordLoadTimes(Cdp cdp, int loads) throws Exception {
        String js = "JSON.stringify({load: performance.getEntriesByType('navigation')[0].loadEventEnd,"
                + " quotes: (performance.getEntriesByName('kisbridge:quotes-shown')[0] || {}).startTime,"
                + " chart: (performance.getEntriesByName('kisbridge:chart-drawn')[0] || {}).startTime})";
        List<double[]> runs = new java.util.ArrayList<>();
        for (int i = 0; i < loads; i++) {
            cdp.call("Page.reload", Map.of("ignoreCache", false));
            double[] t = new double[3];
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                JsonNode m = JSON.readTree(cdp.eval(js));
                assertThat(m.path("load").asDouble()).isPositive();
                assertThat(m.has("quotes") && m.has("chart")).isTrue();
                t[0] = m.path("load").asDouble();
                t[1] = m.path("quotes").asDouble();
                t[2] = m.path("chart").asDouble();
            });
            runs.add(t);
        }
        StringBuilder out = new StringBuilder("dashboard load on loopback, ms from navigation start (load event,"
                + " quotes shown, chart drawn)\n");
        for (double[] t : runs) {
            out.append(String.format(java.util.Locale.ROOT, "%.0f %.0f %.0f%n", t[0], t[1], t[2]));
        }
        out.append(String.format(java.util.Locale.ROOT, "median %.0f %.0f %.0f%n", median(runs, 0), median(runs, 1),
                median(runs, 2)));
        Files.writeString(Path.of("target", "dashboard-load.txt"), out);
    }

    private static double median(List<double[]> runs, int column) {
        double[] v = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** [pixels in the up-red or down-blue of the candles, pixels that are not near-white] inside the chart. */
    private static int[] chartPixels(BufferedImage img, JsonNode rect) {
        int x0 = (int) rect.path("x").asDouble(), y0 = (int) rect.path("y").asDouble();
        int x1 = Math.min(img.getWidth(), x0 + (int) rect.path("width").asDouble());
        int y1 = Math.min(img.getHeight(), y0 + (int) rect.path("height").asDouble());
        int coloured = 0, inked = 0;
        for (int y = Math.max(0, y0); y < y1; y++) {
            for (int x = Math.max(0, x0); x < x1; x++) {
                int rgb = img.getRGB(x, y), r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, bl = rgb & 0xff;
                if (r > 170 && g < 100 && bl < 100 || bl > 150 && r < 80 && g < 140) {
                    coloured++;
                }
                if (r + g + bl < 690) {
                    inked++;
                }
            }
        }
        return new int[] {coloured, inked};
    }

    private static int intOf(String s) {
        return s == null || s.isBlank() ? -1 : Integer.parseInt(s.strip());
    }

    /** Headless Chromium on one page, driven over the DevTools protocol; closing kills it. */
    private static final class Browser implements AutoCloseable {
        final Process process;
        final Cdp cdp;

        private Browser(Process process, Cdp cdp) {
            this.process = process;
            this.cdp = cdp;
        }

        static Browser open(Path dir, String url, String pageUrlPrefix) throws Exception {
            Optional<Path> chromium = ExternalTools.onPath("chromium", "chromium-browser", "google-chrome");
            assumeTrue(chromium.isPresent(), "chromium is not installed: skipping the dashboard check"
                    + " (Debian/Ubuntu: apt-get install -y chromium)");
            Path profile = Files.createDirectories(dir.resolve("profile"));
            Process p = new ProcessBuilder(chromium.get().toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1400,1100", url)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
            try {
                return new Browser(p, Cdp.attach(profile, pageUrlPrefix));
            } catch (Exception | Error e) {
                kill(p);
                throw e;
            }
        }

        private static void kill(Process p) throws InterruptedException {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            cdp.close();
            kill(process);
        }
    }

    /** Just enough of the Chrome DevTools protocol: attach to the page, Runtime.evaluate, Page.captureScreenshot. */
    private static final class Cdp implements AutoCloseable, WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket ws;

        static Cdp attach(Path profile, String pageUrlPrefix) throws Exception {
            Path portFile = profile.resolve("DevToolsActivePort");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(portFile)
                    && Files.readAllLines(portFile).size() >= 2);
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
            HttpClient http = HttpClient.newHttpClient();
            String[] wsUrl = new String[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                for (JsonNode t : JSON.readTree(list)) {
                    if (t.path("type").asText().equals("page") && t.path("url").asText().startsWith(pageUrlPrefix)) {
                        wsUrl[0] = t.path("webSocketDebuggerUrl").asText();
                        return true;
                    }
                }
                return false;
            });
            Cdp cdp = new Cdp();
            cdp.ws = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl[0]), cdp).get(10, TimeUnit.SECONDS);
            return cdp;
        }

        JsonNode call(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
            msg.set("params", JSON.valueToTree(params));
            ws.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
            JsonNode r = answer.get(20, TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IllegalStateException(method + ": " + r.path("error"));
            }
            return r.path("result");
        }

        String eval(String expression) throws Exception {
            JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            return r.path("result").path("value").asText(null);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> f = m.has("id") ? pending.remove(m.path("id").asInt()) : null;
                    if (f != null) {
                        f.complete(m);
                    }
                } catch (Exception e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            if (ws != null) {
                ws.abort();
            }
        }
    }

}
