package io.kisbridge.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.bridge.BridgeOptions;
import io.kisbridge.bridge.BridgeServer;
import io.kisbridge.bridge.OrderLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts started over the bridge's HTTP API with the real runtime, against the simulator: long-running runs,
 * publications reaching SCRIPT(name) and /v1/stream, the bridge key, and orders under the bridge's arming and limits.
 */
@Timeout(180)
class BridgeScriptsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODE = "005930";

    @TempDir
    static Path dir;

    private static SimulatorFixture fx;
    private static BridgeServer bridge;
    private static String key;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        fx = new SimulatorFixture(dir.resolve("sim-state"));
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("hello.py"), """
                print("hello from %s with %s" % ("python", args))
                cells.publish("hello.py", {"language": "python", "args": args})
                try:
                    kis.buy("005930", 1, 0)
                except KisError as e:
                    print("refused: " + str(e))
                """);
        BridgeOptions options = BridgeOptions.defaults(dir.resolve("bridge-state")).withPort(0)
                .withHttpsPort(BridgeOptions.NO_HTTPS).withLimits(new OrderLimits(10, 1_000_000, 5, 5_000_000));
        bridge = BridgeServer.start(options, fx.client, BridgeScriptHost.factory(scripts, dir.resolve("out"), false));
        key = Files.readString(bridge.keyFile()).strip();
    }

    @AfterAll
    static void stop() {
        bridge.close();
        fx.close();
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bridge.url() + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode keyed(String method, String path, String body, int expectedStatus) throws IOException {
        HttpResponse<String> r = send(method, path, body, "X-Bridge-Key", key, "Content-Type", "application/json");
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(expectedStatus);
        return JSON.readTree(r.body());
    }

    private static String startBody(String name, String code, String... args) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", name);
        o.put("code", code);
        o.putArray("args").addAll(List.of(args).stream().map(a -> JSON.getNodeFactory().textNode(a)).toList());
        return o.toString();
    }

    private static JsonNode awaitEnd(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = keyed("GET", "/v1/scripts/" + id, null, 200);
            return !last[0].path("state").asText().equals("running");
        });
        return last[0];
    }

    /** Collects every JSON message of one /v1/stream socket. */
    static final class StreamClient implements WebSocket.Listener {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        StreamClient open() {
            ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(bridge.url().replace("http://", "ws://") + "/v1/stream"),
                    this).join();
            return this;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        List<Integer> values(String topic) {
            return messages.stream().filter(m -> topic.equals(m.path("topic").asText()) && m.has("data"))
                    .map(m -> m.path("data").path("value").asInt()).toList();
        }
    }

    @Test
    void aJavascriptScriptWithATimerKeepsRunningPublishingToStreamAndCellsUntilStoppedOverHttp() throws Exception {
        StreamClient stream = new StreamClient().open();
        stream.ws.sendText("{\"op\":\"subscribe\",\"topic\":\"script:ticks\"}", true).join();
        String code = """
                let n = 0;
                every('100ms', () => { n++; cells.publish('ticks', n); });
                print('ticking for ' + args[0]);
                """;
        ObjectNode body = (ObjectNode) JSON.readTree(startBody("ticker", code, "the test"));
        body.put("language", "javascript");
        JsonNode started = keyed("POST", "/v1/scripts", body.toString(), 201);
        String id = started.path("id").asText();
        assertThat(started.path("name").asText()).isEqualTo("ticker.js");
        assertThat(started.path("language").asText()).isEqualTo("javascript");

        await().atMost(Duration.ofSeconds(60)).until(() -> stream.values("script:ticks").size() >= 5);
        assertThat(stream.values("script:ticks")).startsWith(1, 2, 3, 4, 5);
        assertThat(Integer.parseInt(send("GET", "/v1/fn/SCRIPT?name=ticks", null).body().strip())).isGreaterThanOrEqualTo(5);

        JsonNode list = keyed("GET", "/v1/scripts", null, 200);
        JsonNode mine = null;
        for (JsonNode r : list.path("scripts")) {
            if (r.path("id").asText().equals(id)) {
                mine = r;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("state").asText()).isEqualTo("running");
        assertThat(mine.path("output_tail").asText()).contains("ticking for the test");
        assertThat(mine.path("started").asText()).isNotBlank();

        JsonNode stopped = keyed("DELETE", "/v1/scripts/" + id, null, 200);
        assertThat(stopped.path("state").asText()).isEqualTo("stopped");
        assertThat(stopped.path("last_error").asText()).contains("ticker.js").contains("stopped on request");
        assertThat(stopped.path("ended").asText()).isNotBlank();
        int published = bridge.board().latest("ticks").map(p -> ((Number) p.value()).intValue()).orElseThrow();
        // no timer survives the stop: nothing new is published while the stream keeps listening
        assertThat(bridge.scriptHost().orElseThrow().run(id).orElseThrow().state()).isEqualTo("stopped");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() ->
                bridge.board().latest("ticks").map(p -> ((Number) p.value()).intValue()).orElseThrow() == published);
        stream.ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void realtimeCallbacksOfABridgeScriptRunOnTheBridgesFeed() throws Exception {
        String code = "kis.on('trade', '005930', (t) => { cells.publish('last.trade', t.price); stop(); });\n"
                + "print('watching');";
        String id = keyed("POST", "/v1/scripts", startBody("trade.js", code), 201).path("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(150)).until(() -> {
            fx.sim.market().tick(CODE);
            return !bridge.scriptHost().orElseThrow().run(id).orElseThrow().state().equals("running");
        });
        assertThat(keyed("GET", "/v1/scripts/" + id, null, 200).path("state").asText()).isEqualTo("finished");
        assertThat(bridge.board().latest("last.trade")).get()
                .satisfies(p -> assertThat(((Number) p.value()).longValue()).isPositive());
        assertThat(Long.parseLong(send("GET", "/v1/fn/SCRIPT/last.trade", null).body().strip())).isPositive();
    }

    @Test
    void aPythonScriptFromTheScriptsFolderRunsPublishesAndIsListedWithItsOutput() throws Exception {
        JsonNode started = keyed("POST", "/v1/scripts", "{\"file\":\"hello.py\",\"args\":[\"x\",\"y\"]}", 201);
        assertThat(started.path("language").asText()).isEqualTo("python");
        JsonNode done = awaitEnd(started.path("id").asText());
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(done.path("output").asText()).contains("hello from python with ['x', 'y']")
                .contains("refused: order refused: trading is not armed");
        assertThat(send("GET", "/v1/fn/SCRIPT/hello.py?format=csv", null).body().lines().toList())
                .containsExactly("language,args", "python,\"[\"\"x\"\",\"\"y\"\"]\"");

        JsonNode failed = keyed("POST", "/v1/scripts", startBody("broken.py", "x = 1\nraise ValueError('no good')\n"), 201);
        JsonNode end = awaitEnd(failed.path("id").asText());
        assertThat(end.path("state").asText()).isEqualTo("failed");
        assertThat(end.path("last_error").asText()).contains("broken.py:2").contains("no good");

        assertThat(keyed("POST", "/v1/scripts", "{\"file\":\"../sim-state/x.py\"}", 400).path("error").path("message")
                .asText()).contains("leaves the scripts folder (..)");
        assertThat(keyed("POST", "/v1/scripts", "{\"file\":\"missing.js\"}", 400).path("error").path("message")
                .asText()).contains("no script 'missing.js'");
        assertThat(keyed("POST", "/v1/scripts", "{\"name\":\"x\",\"code\":\"1\"}", 400).path("error").path("message")
                .asText()).contains("\"language\":\"js\"");
    }

    @Test
    void theScriptRoutesRefuseRequestsWithoutTheBridgeKeyOrFromAForeignOrigin() {
        int before = bridge.scriptHost().orElseThrow().runs().size();
        String body = startBody("sneaky.js", "print('should not run')");
        assertThat(send("POST", "/v1/scripts", body).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/v1/scripts", body, "Origin", "http://127.0.0.1:" + bridge.port()).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/v1/scripts", body, "X-Bridge-Key", key, "Origin", "https://evil.example")
                .statusCode()).isEqualTo(403);
        assertThat(send("GET", "/v1/scripts", null).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/v1/scripts/run-1", null, "Origin", "https://evil.example").statusCode())
                .isEqualTo(403);
        assertThat(bridge.scriptHost().orElseThrow().runs()).hasSize(before);
    }

    @Test
    void scriptOrdersAreRefusedDisarmedAndOverTheLimitAndPlacedOnceWhenArmedWithinIt() throws Exception {
        String code = """
                const price = kis.price('005930');
                const attempt = (label, f) => {
                    try { const r = f(); print(label + ' placed ' + r.orderNumber + ' replayed=' + r.replayed); }
                    catch (e) { print(label + ' ' + e.name + ': ' + e.message); }
                };
                attempt(args[0] + '-within', () => kis.buy('005930', 1, price, args[0] + '-key'));
                attempt(args[0] + '-again', () => kis.buy('005930', 1, price, args[0] + '-key'));
                attempt(args[0] + '-qty', () => kis.buy('005930', 11, price));
                attempt(args[0] + '-amount', () => kis.buy('005930', 10, 200000));
                attempt(args[0] + '-call', () => kis.call('order-cash', {PDNO: '005930', ORD_QTY: '1'}));
                """;
        long before = fx.sim.counters().ordersReceived();
        String disarmed = awaitEnd(keyed("POST", "/v1/scripts", startBody("orders.js", code, "disarmed"), 201)
                .path("id").asText()).path("output").asText();
        assertThat(disarmed).contains("disarmed-within KisError: order refused: trading is not armed")
                .contains("disarmed-again KisError: order refused: trading is not armed")
                .doesNotContain("placed");
        assertThat(fx.sim.counters().ordersReceived()).isEqualTo(before);

        keyed("POST", "/v1/trading", "{\"armed\":true}", 200);
        try {
            String armed = awaitEnd(keyed("POST", "/v1/scripts", startBody("orders.js", code, "armed"), 201)
                    .path("id").asText()).path("output").asText();
            assertThat(armed).containsPattern("armed-within placed \\S+ replayed=false")
                    .containsPattern("armed-again placed \\S+ replayed=true")
                    .contains("armed-qty KisError: order refused: order limit: qty 11 exceeds the per-order limit of 10")
                    .contains("armed-amount KisError: order refused: order limit: amount 2000000 KRW exceeds")
                    .contains("armed-call KisError: order refused: order-cash cannot be called from a bridge script");
            String first = armed.lines().filter(l -> l.startsWith("armed-within")).findFirst().orElseThrow().split(" ")[2];
            String again = armed.lines().filter(l -> l.startsWith("armed-again")).findFirst().orElseThrow().split(" ")[2];
            assertThat(again).isEqualTo(first);
            assertThat(fx.sim.counters().ordersReceived()).isEqualTo(before + 1);
        } finally {
            keyed("POST", "/v1/trading", "{\"armed\":false}", 200);
        }
    }
}
