package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.KisEnvironment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class OrdersIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String order(String code, String side, long qty, long price) {
        return "{\"code\":\"" + code + "\",\"side\":\"" + side + "\",\"qty\":" + qty + ",\"price\":" + price + "}";
    }

    /** A limit buy a few ticks under the market, so it rests. */
    private static long restingPrice(BridgeFixture f) {
        long last = f.sim.market().lastPrice("005930");
        return (last / 100) * 100 - 500;
    }

    @Test
    void refusesOrdersWhileTradingIsDisarmedAndSendsNothing(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            long before = f.sim.counters().ordersReceived();
            HttpResponse<String> r = f.post("/v1/orders", order("005930", "buy", 1, restingPrice(f)),
                    "X-Bridge-Key", f.bridgeKey(), "Idempotency-Key", "k1");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("trading is not armed");
            assertThat(f.sim.counters().ordersReceived()).isEqualTo(before);
            assertThat(JSON.readTree(f.get("/v1/trading").body()).path("armed").asBoolean()).isFalse();
        }
    }

    @Test
    void needsTheBridgeKeyEvenFromItsOwnOrigin(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL, o -> o.withTradingArmed(true))) {
            HttpResponse<String> r = f.post("/v1/orders", order("005930", "buy", 1, restingPrice(f)),
                    "Origin", "https://localhost:" + f.bridge.httpsPort(), "Idempotency-Key", "k1");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(f.post("/v1/trading", "{\"armed\":false}", "Origin", "https://localhost:" + f.bridge.httpsPort())
                    .statusCode()).isEqualTo(403);
            assertThat(f.sim.counters().ordersReceived()).isZero();
        }
    }

    @Test
    void placesAnOrderOnceArmedAndNeedsAnIdempotencyKey(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            String key = f.bridgeKey();
            assertThat(f.get("/v1/fn/EXECUTIONS").body()).startsWith("#N/A no orders");
            assertThat(f.post("/v1/trading", "{\"armed\":true}", "X-Bridge-Key", key).statusCode()).isEqualTo(200);
            HttpResponse<String> noKey = f.post("/v1/orders", order("005930", "buy", 1, restingPrice(f)),
                    "X-Bridge-Key", key);
            assertThat(noKey.statusCode()).isEqualTo(400);
            assertThat(noKey.body()).contains("Idempotency-Key");
            HttpResponse<String> r = f.post("/v1/orders", order("005930", "buy", 1, restingPrice(f)),
                    "X-Bridge-Key", key, "Idempotency-Key", "first");
            assertThat(r.statusCode()).isEqualTo(201);
            JsonNode placed = JSON.readTree(r.body());
            assertThat(placed.path("order_no").asText()).matches("[0-9]{10}");
            assertThat(f.sim.counters().ordersReceived()).isEqualTo(1);
            // the cached "no orders" answer was dropped when the order went out
            assertThat(f.get("/v1/fn/EXECUTIONS").body()).startsWith("date,branch,order_no")
                    .contains(placed.path("order_no").asText());

            HttpResponse<String> cancel = f.post("/v1/orders/" + placed.path("order_no").asText() + "/cancel",
                    "{\"branch\":\"" + placed.path("branch").asText() + "\"}", "X-Bridge-Key", key,
                    "Idempotency-Key", "cancel-first");
            assertThat(cancel.statusCode()).isEqualTo(201);
            assertThat(f.sim.counters().ordersReceived()).isEqualTo(2);
        }
    }

    @Test
    void theSameIdempotencyKeyNeverProducesASecondOrder(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL, o -> o.withTradingArmed(true))) {
            String key = f.bridgeKey();
            String body = order("005930", "buy", 2, restingPrice(f));
            HttpResponse<String> first = f.post("/v1/orders", body, "X-Bridge-Key", key, "Idempotency-Key", "dup");
            HttpResponse<String> again = f.post("/v1/orders", body, "X-Bridge-Key", key, "Idempotency-Key", "dup");
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).path("order_no").asText())
                    .isEqualTo(JSON.readTree(first.body()).path("order_no").asText());
            assertThat(JSON.readTree(again.body()).path("replayed").asBoolean()).isTrue();
            assertThat(f.sim.counters().ordersReceived()).isEqualTo(1);

            HttpResponse<String> otherBody = f.post("/v1/orders", order("005930", "buy", 3, restingPrice(f)),
                    "X-Bridge-Key", key, "Idempotency-Key", "dup");
            assertThat(otherBody.statusCode()).isEqualTo(400);
            assertThat(otherBody.body()).contains("already used for a different order");
            assertThat(f.sim.counters().ordersReceived()).isEqualTo(1);
        }
    }

    @Test
    void concurrentDuplicatesShareTheFirstOrder(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL, o -> o.withTradingArmed(true))) {
            String key = f.bridgeKey();
            String body = order("005930", "buy", 1, restingPrice(f));
            List<Future<HttpResponse<String>>> rs = new ArrayList<>();
            try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 20; i++) {
                    rs.add(ex.submit(() -> f.post("/v1/orders", body, "X-Bridge-Key", key, "Idempotency-Key", "burst")));
                }
            }
            List<String> orderNos = new ArrayList<>();
            assertThat(rs.stream().filter(r -> r.resultNow().statusCode() == 201).count()).isEqualTo(1);
            for (Future<HttpResponse<String>> r : rs) {
                assertThat(r.get().statusCode()).isIn(200, 201);
                orderNos.add(JSON.readTree(r.get().body()).path("order_no").asText());
            }
            assertThat(orderNos).hasSize(20).containsOnly(orderNos.get(0));
            assertThat(f.sim.counters().ordersReceived()).isEqualTo(1);
        }
    }

    @Test
    void enforcesPerOrderAndPerDayLimits(@TempDir Path dir) throws Exception {
        OrderLimits tight = new OrderLimits(10, 1_000_000, 2, 5_000_000);
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL,
                o -> o.withTradingArmed(true).withLimits(tight))) {
            String key = f.bridgeKey();
            long p = restingPrice(f);
            HttpResponse<String> tooMany = f.post("/v1/orders", order("005930", "buy", 11, p), "X-Bridge-Key", key,
                    "Idempotency-Key", "a");
            assertThat(tooMany.statusCode()).isEqualTo(400);
            assertThat(tooMany.body()).contains("per-order limit of 10");
            HttpResponse<String> tooMuch = f.post("/v1/orders", order("005930", "buy", 0, p), "X-Bridge-Key", key,
                    "Idempotency-Key", "b");
            assertThat(tooMuch.statusCode()).isEqualTo(400);
            HttpResponse<String> market = f.post("/v1/orders", order("000660", "buy", 10, 0), "X-Bridge-Key", key,
                    "Idempotency-Key", "c");
            assertThat(market.statusCode()).isEqualTo(400);
            assertThat(market.body()).contains("exceeds the per-order limit of 1000000");
            assertThat(f.post("/v1/orders", order("005930", "buy", 1, p), "X-Bridge-Key", key, "Idempotency-Key", "d")
                    .statusCode()).isEqualTo(201);
            assertThat(f.post("/v1/orders", order("005930", "buy", 1, p), "X-Bridge-Key", key, "Idempotency-Key", "e")
                    .statusCode()).isEqualTo(201);
            HttpResponse<String> third = f.post("/v1/orders", order("005930", "buy", 1, p), "X-Bridge-Key", key,
                    "Idempotency-Key", "f");
            assertThat(third.statusCode()).isEqualTo(400);
            assertThat(third.body()).contains("daily limit of 2 orders");
            assertThat(f.sim.counters().ordersReceived()).isEqualTo(2);
        }
    }
}
