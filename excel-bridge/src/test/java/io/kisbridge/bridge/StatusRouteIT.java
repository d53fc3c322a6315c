package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.realtime.Subscription;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.SimEnvironment;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** GET /v1/status against a bridge on the simulator: what it counts, and that no secret is ever in it. */
@Timeout(60)
class StatusRouteIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsCallsCacheHitsAndFailuresAndShowsTheTokenTopicsAndArming(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            assertThat(f.get("/v1/fn/PRICE/005930").body()).matches("[0-9]+");
            assertThat(f.get("/v1/fn/PRICE/005930").body()).matches("[0-9]+"); // from the cache
            assertThat(f.get("/v1/fn/PRICE/99999X").body()).startsWith("#");
            f.feed.start();
            try (Subscription s = f.feed.subscribe("trade:005930", e -> { })) {
                await().atMost(Duration.ofSeconds(20)).until(() -> f.feed.registrations() == 1);
                // the per-second ring closes a second once the next begins: wait until the calls are in it
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                        status(f).path("calls").path("lastMinute").asLong() >= 2);
                JsonNode st = status(f);
                assertThat(st.path("environment").asText()).isEqualTo("real");
                JsonNode calls = st.path("calls");
                assertThat(calls.path("limitPerSecond").asInt()).isEqualTo(20);
                assertThat(calls.path("perSecond")).hasSize(300);
                long sum = 0;
                for (JsonNode n : calls.path("perSecond")) {
                    sum += n.asLong();
                }
                assertThat(sum).isEqualTo(calls.path("lastMinute").asLong()).isLessThanOrEqualTo(calls.path("total").asLong());
                assertThat(calls.path("peakPerSecond").asLong()).isBetween(1L, 20L);
                assertThat(st.path("cache").path("hits").asLong()).isGreaterThanOrEqualTo(1);
                assertThat(st.path("cache").path("loads").asLong()).isGreaterThanOrEqualTo(2);
                assertThat(st.path("cache").path("hitRate").asDouble()).isBetween(0.01, 0.99);
                JsonNode token = st.path("token");
                assertThat(token.path("present").asBoolean()).isTrue();
                long age = token.path("ageSeconds").asLong();
                assertThat(age).isBetween(0L, 120L); // the fixture's clock moves only when the client waits
                assertThat(token.path("renewsInSeconds").asLong()).isEqualTo(Duration.ofHours(23).toSeconds() - age);
                assertThat(st.path("topics").path("budget").asInt()).isEqualTo(41);
                assertThat(st.path("topics").path("registrations").asInt()).isEqualTo(1);
                assertThat(st.path("topics").path("list").get(0).path("topic").asText()).isEqualTo("trade:005930");
                assertThat(st.path("topics").path("list").get(0).path("state").asText()).isEqualTo("subscribed");
                assertThat(st.path("feed").path("state").asText()).isEqualTo("connected");
                assertThat(st.path("feed").path("connects").asLong()).isEqualTo(1);
                JsonNode error = st.path("errors").get(0);
                assertThat(error.path("call").asText()).isEqualTo("PRICE(99999X)");
                assertThat(error.path("cell").asText()).startsWith("#");
                assertThat(error.path("kind").asText()).isNotBlank();
                assertThat(st.path("trading").path("armed").asBoolean()).isFalse();
                assertThat(st.path("scripts").path("enabled").asBoolean()).isFalse();
            }
            assertThat(f.post("/v1/trading", "{\"armed\":true}", "X-Bridge-Key", f.bridgeKey()).statusCode())
                    .isEqualTo(200);
            assertThat(status(f).path("trading").path("armed").asBoolean()).isTrue();
        }
    }

    @Test
    void neverShowsAnAppKeySecretAccountHtsIdTokenOrBridgeKeyEvenWhenAFailureQuotesOne(@TempDir Path dir)
            throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            DemoCredentials c = f.sim.credentials(SimEnvironment.REAL);
            String account = c.accountNumber().replace("-", "");
            // failures whose reasons quote what the user typed: here the account number and the HTS id
            f.get("/v1/fn/PRICE/" + account);
            f.get("/v1/fn/QUOTE/005930/" + c.htsId());
            f.get("/v1/fn/PRICE/005930");
            HttpResponse<String> r = f.get("/v1/status");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            String body = r.body();
            String token = JSON.readTree(Files.readString(f.client.tokenCacheFile())).path("access_token").asText();
            List<String> secrets = List.of(c.appKey(), c.appSecret(), account, account.substring(0, 8),
                    c.accountNumber(), c.htsId(), f.bridgeKey(), token);
            for (String secret : secrets) {
                assertThat(secret).isNotBlank();
                assertThat(body).as("a secret in /v1/status").doesNotContain(secret);
            }
            assertThat(JSON.readTree(body).path("errors").size()).isEqualTo(2);
            assertThat(body).contains("****");
            // a page elsewhere cannot read it, nor a rebinding name
            assertThat(f.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url("/v1/status")))
                    .header("Origin", "https://evil.example").build()).statusCode()).isEqualTo(403);
            assertThat(f.rawStatus("GET", "/v1/status", "evil.example:" + f.bridge.port())).isEqualTo(403);
        }
    }

    @Test
    void givesPaperTradingsLimitOfTwoCallsASecond(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.PAPER)) {
            JsonNode st = status(f);
            assertThat(st.path("environment").asText()).isEqualTo("paper");
            assertThat(st.path("calls").path("limitPerSecond").asInt()).isEqualTo(2);
            assertThat(st.path("feed").path("state").asText()).isEqualTo("idle");
            assertThat(st.path("token").path("present").asBoolean()).isFalse();
        }
    }

    private static JsonNode status(BridgeFixture f) throws Exception {
        HttpResponse<String> r = f.get("/v1/status");
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
