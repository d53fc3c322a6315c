package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.OrderSide;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * /v1/scripts, SCRIPT(name) and the script:NAME stream topics as the bridge serves them, with a stand-in script host
 * (the real one, over GraalVM, is tested in the scripting module).
 */
@Timeout(60)
class ScriptRoutesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    BridgeFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    /** Remembers what it was asked; runs stay "running" until stopped. */
    static final class FakeHost implements ScriptHost {
        final List<StartRequest> started = new CopyOnWriteArrayList<>();
        final Map<String, RunInfo> runs = new LinkedHashMap<>();
        boolean closed;

        @Override
        public synchronized RunInfo start(StartRequest request) {
            if (request.code() != null && request.code().contains("bad")) {
                throw BridgeException.badInput("bad script");
            }
            started.add(request);
            String id = "run-" + (runs.size() + 1);
            RunInfo r = new RunInfo(id, request.name() == null ? request.file() : request.name(), "javascript",
                    "running", Instant.now(), null, null, "x".repeat(3000) + "tail");
            runs.put(id, r);
            return r;
        }

        @Override
        public synchronized List<RunInfo> runs() {
            return new ArrayList<>(runs.values());
        }

        @Override
        public synchronized Optional<RunInfo> run(String id) {
            return Optional.ofNullable(runs.get(id));
        }

        @Override
        public synchronized Optional<RunInfo> stop(String id) {
            return Optional.ofNullable(runs.computeIfPresent(id, (k, r) -> new RunInfo(r.id(), r.name(), r.language(),
                    "stopped", r.started(), Instant.now(), r.name() + ": stopped on request", r.output())));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private FakeHost withFakeHost() {
        FakeHost host = new FakeHost();
        f = new BridgeFixture(dir, KisEnvironment.REAL, o -> o, s -> s, services -> host);
        return host;
    }

    private HttpResponse<String> request(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(f.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return f.send(b.build());
    }

    @Test
    void scriptRoutesAnswer501WithAClearMessageWhenTheBridgeHasNoScriptHost() throws Exception {
        f = new BridgeFixture(dir, KisEnvironment.REAL);
        String key = f.bridgeKey();
        HttpResponse<String> post = request("POST", "/v1/scripts", "{\"code\":\"print(1)\",\"language\":\"js\"}",
                "X-Bridge-Key", key);
        assertThat(post.statusCode()).isEqualTo(501);
        assertThat(JSON.readTree(post.body()).path("error").path("message").asText()).contains("without a script host");
        assertThat(request("GET", "/v1/scripts", null, "X-Bridge-Key", key).statusCode()).isEqualTo(501);
        assertThat(request("DELETE", "/v1/scripts/run-1", null, "X-Bridge-Key", key).statusCode()).isEqualTo(501);
    }

    @Test
    void scriptRoutesNeedTheBridgeKeyEvenToListAndRefuseForeignOrigins() throws Exception {
        FakeHost host = withFakeHost();
        String key = f.bridgeKey();
        String body = "{\"name\":\"a.js\",\"code\":\"print(1)\"}";
        assertThat(request("POST", "/v1/scripts", body).statusCode()).isEqualTo(403);
        assertThat(request("POST", "/v1/scripts", body, "X-Bridge-Key", "wrong").statusCode()).isEqualTo(403);
        assertThat(request("GET", "/v1/scripts", null).statusCode()).isEqualTo(403);
        assertThat(request("GET", "/v1/scripts/run-1", null).statusCode()).isEqualTo(403);
        assertThat(request("DELETE", "/v1/scripts/run-1", null).statusCode()).isEqualTo(403);
        // a page of another site cannot start scripts, not even with the key (and it cannot know it)
        assertThat(request("POST", "/v1/scripts", body, "X-Bridge-Key", key, "Origin", "https://evil.example")
                .statusCode()).isEqualTo(403);
        // the bridge's own page (the task pane) has the user's key: the same rule as orders
        assertThat(request("POST", "/v1/scripts", body, "Origin", "http://127.0.0.1:" + f.bridge.port()).statusCode())
                .isEqualTo(403);
        assertThat(host.started).isEmpty();
        assertThat(request("POST", "/v1/scripts", body, "X-Bridge-Key", key, "Origin",
                "http://127.0.0.1:" + f.bridge.port()).statusCode()).isEqualTo(201);
        assertThat(host.started).hasSize(1);
    }

    @Test
    void startListDetailsAndStopGoThroughTheInstalledHost() throws Exception {
        FakeHost host = withFakeHost();
        String key = f.bridgeKey();
        HttpResponse<String> started = request("POST", "/v1/scripts",
                "{\"file\":\"price_alert.js\",\"args\":[\"005930\",\"0.5\"]}", "X-Bridge-Key", key);
        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode run = JSON.readTree(started.body());
        assertThat(run.path("id").asText()).isEqualTo("run-1");
        assertThat(run.path("state").asText()).isEqualTo("running");
        assertThat(host.started.get(0).file()).isEqualTo("price_alert.js");
        assertThat(host.started.get(0).args()).containsExactly("005930", "0.5");

        JsonNode list = JSON.readTree(request("GET", "/v1/scripts", null, "X-Bridge-Key", key).body());
        assertThat(list.path("scripts")).hasSize(1);
        assertThat(list.path("scripts").get(0).path("output_tail").asText()).hasSize(2000).endsWith("tail");

        JsonNode details = JSON.readTree(request("GET", "/v1/scripts/run-1", null, "X-Bridge-Key", key).body());
        assertThat(details.path("output").asText()).hasSize(3004);

        HttpResponse<String> stopped = request("DELETE", "/v1/scripts/run-1", null, "X-Bridge-Key", key);
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stopped.body()).path("state").asText()).isEqualTo("stopped");
        assertThat(request("POST", "/v1/scripts/run-9/stop", "", "X-Bridge-Key", key).statusCode()).isEqualTo(404);
        assertThat(request("GET", "/v1/scripts/run-9", null, "X-Bridge-Key", key).statusCode()).isEqualTo(404);
    }

    @Test
    void badStartRequestsAreRefusedWithTheReasonAndReachNoScript() throws Exception {
        FakeHost host = withFakeHost();
        String key = f.bridgeKey();
        HttpResponse<String> neither = request("POST", "/v1/scripts", "{\"name\":\"a.js\"}", "X-Bridge-Key", key);
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(neither.body()).contains("either \\\"code\\\"");
        assertThat(request("POST", "/v1/scripts", "{\"code\":\"1\",\"file\":\"a.js\"}", "X-Bridge-Key", key)
                .statusCode()).isEqualTo(400);
        assertThat(request("POST", "/v1/scripts", "not json", "X-Bridge-Key", key).statusCode()).isEqualTo(400);
        assertThat(request("POST", "/v1/scripts", "{\"code\":\"1\",\"args\":\"x\"}", "X-Bridge-Key", key)
                .statusCode()).isEqualTo(400);
        HttpResponse<String> refused = request("POST", "/v1/scripts", "{\"name\":\"a.js\",\"code\":\"bad\"}",
                "X-Bridge-Key", key);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("bad script");
        assertThat(host.started).isEmpty();
    }

    @Test
    void closingTheBridgeClosesItsScriptHost() {
        FakeHost host = withFakeHost();
        f.close();
        f = null;
        assertThat(host.closed).isTrue();
    }

    @Test
    void scriptFunctionAnswersTheLatestPublicationOrSaysItIsNotPublishedYet() throws Exception {
        f = new BridgeFixture(dir, KisEnvironment.REAL);
        HttpResponse<String> none = f.get("/v1/fn/SCRIPT?name=momentum.top");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).startsWith("#N/A ").contains("'momentum.top' is not published yet");
        assertThat(none.headers().firstValue("X-Bridge-Error")).hasValue("not_available");

        f.bridge.board().publish("momentum.top", "005930", "run-1");
        assertThat(f.get("/v1/fn/SCRIPT?name=momentum.top").body()).isEqualTo("005930");
        f.bridge.board().publish("momentum.top", "000660", "run-1");
        assertThat(f.get("/v1/fn/SCRIPT/momentum.top").body()).isEqualTo("000660"); // never cached
        f.bridge.board().publish("n", 71900.0, "run-1");
        assertThat(f.get("/v1/fn/SCRIPT/n").body()).isEqualTo("71900");
        f.bridge.board().publish("rows", List.of(Map.of("code", "005930", "ret", 1.5), Map.of("code", "000660", "ret", -2)),
                "run-1");
        assertThat(f.get("/v1/fn/SCRIPT/rows?format=csv").body().lines().toList()).hasSize(3);
        JsonNode json = JSON.readTree(f.get("/v1/fn/SCRIPT/rows?format=json").body());
        assertThat(json.path("columns")).hasSize(2);
        assertThat(json.path("rows")).hasSize(2);

        JsonNode fnList = JSON.readTree(f.get("/v1/functions").body());
        assertThat(fnList.findValuesAsText("name")).contains("SCRIPT");
        JsonNode meta = JSON.readTree(f.get("/addin/functions.json").body());
        JsonNode script = null;
        for (JsonNode fn : meta.path("functions")) {
            if (fn.path("id").asText().equals("SCRIPT")) {
                script = fn;
            }
        }
        assertThat(script).isNotNull();
        assertThat(script.path("options").path("stream").asBoolean()).isTrue();
        assertThat(script.path("parameters").get(0).path("name").asText()).isEqualTo("name");
    }

    /** Collects every JSON message of one /v1/stream socket. */
    static final class StreamClient implements WebSocket.Listener {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket ws;

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

        List<JsonNode> data(String topic) {
            return messages.stream().filter(m -> topic.equals(m.path("topic").asText()) && m.has("data")).toList();
        }
    }

    @Test
    void streamClientsOfAScriptTopicGetTheLatestValueAndThenEveryPublication() {
        f = new BridgeFixture(dir, KisEnvironment.REAL);
        f.bridge.board().publish("alert.005930", Map.of("price", 71900), "run-1");
        StreamClient c = new StreamClient();
        c.ws = f.http.newWebSocketBuilder().buildAsync(URI.create(f.url("/v1/stream").replace("http://", "ws://")), c)
                .join();
        c.ws.sendText("{\"op\":\"subscribe\",\"topic\":\"script:alert.005930\"}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> c.data("script:alert.005930").size() == 1);
        assertThat(c.messages).anyMatch(m -> m.path("topic").asText().equals("script:alert.005930")
                && m.path("status").asText().equals("subscribed"));
        for (int i = 1; i <= 3; i++) {
            f.bridge.board().publish("alert.005930", i, "run-2");
        }
        f.bridge.board().publish("other", 1, "run-2");
        await().atMost(Duration.ofSeconds(10)).until(() -> c.data("script:alert.005930").size() == 4);
        List<JsonNode> data = c.data("script:alert.005930");
        assertThat(data.get(0).path("data").path("value").path("price").asInt()).isEqualTo(71900);
        assertThat(data.stream().skip(1).map(m -> m.path("data").path("value").asInt())).containsExactly(1, 2, 3);
        assertThat(data.get(3).path("data").path("source").asText()).isEqualTo("run-2");
        assertThat(c.messages).noneMatch(m -> m.path("topic").asText().equals("script:other"));

        c.ws.sendText("{\"op\":\"unsubscribe\",\"topic\":\"script:alert.005930\"}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> c.messages.stream().anyMatch(m ->
                m.path("status").asText().equals("unsubscribed")));
        f.bridge.board().publish("alert.005930", 4, "run-2");
        c.ws.sendText("{\"op\":\"subscribe\",\"topic\":\"script:\"}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> c.messages.stream().anyMatch(m ->
                m.path("topic").asText().equals("script:") && m.path("status").asText().equals("error")));
        assertThat(c.data("script:alert.005930")).hasSize(4);
        c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void ordersFromTheScriptHostGoThroughTheBridgesArmingLimitsAndIdempotencyStore() throws Exception {
        AtomicReference<ScriptServices> services = new AtomicReference<>();
        f = new BridgeFixture(dir, KisEnvironment.REAL, o -> o.withLimits(new OrderLimits(10, 1_000_000, 5, 5_000_000)),
                s -> s, sv -> {
                    services.set(sv);
                    return new FakeHost();
                });
        OrderGate gate = services.get().orders();
        long before = f.sim.counters().ordersReceived();
        long price = f.client.currentPrice("005930").price();

        assertThatThrownBy(() -> gate.place("k1", OrderSide.BUY, "005930", 1, price))
                .isInstanceOf(BridgeException.class).hasMessageContaining("trading is not armed");
        assertThat(f.sim.counters().ordersReceived()).isEqualTo(before);

        assertThat(f.post("/v1/trading", "{\"armed\":true}", "X-Bridge-Key", f.bridgeKey()).statusCode()).isEqualTo(200);
        assertThat(gate.armed()).isTrue();
        assertThatThrownBy(() -> gate.place("k2", OrderSide.BUY, "005930", 11, price))
                .isInstanceOf(BridgeException.class).hasMessageContaining("order limit: qty 11");
        assertThatThrownBy(() -> gate.place("k3", OrderSide.BUY, "005930", 10, 200_000))
                .isInstanceOf(BridgeException.class).hasMessageContaining("order limit: amount 2000000");
        assertThat(f.sim.counters().ordersReceived()).isEqualTo(before);

        OrderGate.Placed first = gate.place("k4", OrderSide.BUY, "005930", 1, price);
        OrderGate.Placed again = gate.place("k4", OrderSide.BUY, "005930", 1, price);
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.result()).isEqualTo(first.result());
        assertThat(f.sim.counters().ordersReceived()).isEqualTo(before + 1);
    }
}
