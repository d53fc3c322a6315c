package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.core.KisEnvironment;
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
@Timeout(120)
class DashboardChromiumIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDashboardShowsALivePriceAndAConnectedFeedInHeadlessChromium(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = ExternalTools.onPath("chromium", "chromium-browser", "google-chrome");
        assumeTrue(chromium.isPresent(), "chromium is not installed: skipping the dashboard check"
                + " (Debian/Ubuntu: apt-get install -y chromium)");
        Path profile = Files.createDirectories(dir.resolve("profile"));
        try (BridgeFixture f = new BridgeFixture(dir.resolve("state"), KisEnvironment.REAL);
                AutoCloseable ticks = ExternalTools.tickEvery100ms(f, "005930", "000660")) {
            Process browser = new ProcessBuilder(chromium.get().toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=900,700",
                    f.url("/?codes=005930,000660"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
            try (Cdp cdp = Cdp.attach(profile, f.bridge.url())) {
                await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    assertThat(cdp.eval("document.getElementById('feed-status').textContent"))
                            .isEqualTo("connected");
                    assertThat(cdp.eval("document.getElementById('price-005930').textContent"))
                            .matches("[0-9][0-9,]*");
                    assertThat(cdp.eval("document.getElementById('price-000660').textContent"))
                            .matches("[0-9][0-9,]*");
                    // a live update arrived over the stream (the trade time is filled only by /v1/stream)
                    assertThat(cdp.eval("document.getElementById('time-005930').textContent")).matches("\\d\\d:\\d\\d:\\d\\d");
                });
                byte[] png = Base64.getDecoder().decode(cdp.call("Page.captureScreenshot", Map.of("format", "png"))
                        .path("data").asText());
                Path shot = Path.of("target", "dashboard.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, png);
                assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
                assertThat(png.length).isGreaterThan(5_000);
            } finally {
                browser.descendants().forEach(ProcessHandle::destroyForcibly);
                browser.destroyForcibly();
                browser.waitFor(10, TimeUnit.SECONDS);
            }
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
