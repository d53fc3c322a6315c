package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisEnvironment;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The idempotency store outlives the bridge: a restarted bridge on the same state dir never orders a key twice. */
@Timeout(60)
class OrdersRestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String order(long qty, long price) {
        return "{\"code\":\"005930\",\"side\":\"buy\",\"qty\":" + qty + ",\"price\":" + price + "}";
    }

    private static long restingPrice(BridgeFixture f) {
        return (f.sim.market().lastPrice("005930") / 100) * 100 - 500;
    }

    /** A new client and bridge on the same state dir and simulator, as after a process restart. */
    private static BridgeServer restart(BridgeFixture f, OrderLimits limits) {
        f.bridge.close();
        KisClient client = KisClient.builder(f.client.config()).sleeper(f.clock::advance).build();
        return BridgeServer.start(BridgeOptions.defaults(f.stateDir).withPort(0).withHttpsPort(0).withTradingArmed(true)
                .withLimits(limits), client);
    }

    private static HttpResponse<String> post(BridgeFixture f, BridgeServer b, String path, String body, String key)
            throws Exception {
        return f.send(HttpRequest.newBuilder(URI.create(b.url() + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("X-Bridge-Key", Files.readString(b.keyFile()).strip()).header("Idempotency-Key", key).build());
    }

    @Test
    void aKeyUsedBeforeARestartReplaysItsOrderInsteadOfPlacingASecondOne(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL, o -> o.withTradingArmed(true))) {
            String body = order(2, restingPrice(f));
            HttpResponse<String> first = post(f, f.bridge, "/v1/orders", body, "persisted-1");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            String orderNo = JSON.readTree(first.body()).path("order_no").asText();
            assertThat(f.sim.counters().ordersReceived()).isEqualTo(1);
            Path store = dir.resolve("orders/idempotency.jsonl");
            assertThat(Files.readString(store)).contains("persisted-1").contains(orderNo);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");

            // as if the bridge had died between sending an order and recording its answer
            long p = restingPrice(f);
            Files.writeString(store, "{\"key\":\"crashed\",\"at\":\"" + f.clock.instant() + "\",\"state\":\"pending\","
                    + "\"ticket\":{\"action\":\"order\",\"code\":\"005930\",\"side\":\"buy\",\"qty\":1,\"price\":" + p
                    + ",\"branch\":\"\",\"orderNo\":\"\"},\"amount\":" + p + "}\n", java.nio.file.StandardOpenOption.APPEND);

            try (BridgeServer again = restart(f, OrderLimits.DEFAULTS)) {
                HttpResponse<String> unknown = post(f, again, "/v1/orders", order(1, p), "crashed");
                assertThat(unknown.statusCode()).isEqualTo(403);
                assertThat(unknown.body()).contains("outcome was not recorded");
                HttpResponse<String> replay = post(f, again, "/v1/orders", body, "persisted-1");
                assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
                JsonNode r = JSON.readTree(replay.body());
                assertThat(r.path("replayed").asBoolean()).isTrue();
                assertThat(r.path("order_no").asText()).isEqualTo(orderNo);
                HttpResponse<String> otherBody = post(f, again, "/v1/orders", order(3, restingPrice(f)), "persisted-1");
                assertThat(otherBody.statusCode()).isEqualTo(400);
                assertThat(otherBody.body()).contains("already used for a different order");
                assertThat(f.sim.counters().ordersReceived()).isEqualTo(1);
                // a fresh key still orders
                assertThat(post(f, again, "/v1/orders", body, "persisted-2").statusCode()).isEqualTo(201);
                assertThat(f.sim.counters().ordersReceived()).isEqualTo(2);
            }
        }
    }

    @Test
    void theDaysOrderCountSurvivesARestartAndModifiesCountToo(@TempDir Path dir) throws Exception {
        OrderLimits twoADay = new OrderLimits(10, 10_000_000, 2, 50_000_000);
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL,
                o -> o.withTradingArmed(true).withLimits(twoADay))) {
            long p = restingPrice(f);
            HttpResponse<String> placed = post(f, f.bridge, "/v1/orders", order(1, p), "day-1");
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            JsonNode o = JSON.readTree(placed.body());

            try (BridgeServer again = restart(f, twoADay)) {
                HttpResponse<String> modify = post(f, again, "/v1/orders/" + o.path("order_no").asText() + "/modify",
                        "{\"branch\":\"" + o.path("branch").asText() + "\",\"price\":" + (p - 100) + ",\"qty\":0}",
                        "day-2");
                assertThat(modify.statusCode()).as(modify.body()).isEqualTo(201);
                HttpResponse<String> third = post(f, again, "/v1/orders", order(1, p), "day-3");
                assertThat(third.statusCode()).isEqualTo(400);
                assertThat(third.body()).contains("daily limit of 2 orders");
                // a cancel is never held back by the limits
                HttpResponse<String> cancel = post(f, again, "/v1/orders/" + JSON.readTree(modify.body())
                        .path("order_no").asText() + "/cancel", "{\"branch\":\"" + o.path("branch").asText() + "\"}",
                        "day-4");
                assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(201);
                assertThat(f.sim.counters().ordersReceived()).isEqualTo(3);
            }
        }
    }
}
