package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.KisWait;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell never waits the token minute: while the client waits out KIS's one-token-a-minute rule (the simulator's
 * token fault right after an issuance, on the manual clock that only the test moves), /v1/fn and each batch call
 * answer at their deadline with the reason, and the load goes on so the request after the wait gets the value.
 */
@Timeout(90)
class FnDeadlineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_REASON = "waiting for a new KIS token: KIS grants one a minute, ready in about";

    @Test
    void answersTheReasonAtTheDeadlineWhileTheTokenIsRenewedAndTheValueAfterIt(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = BridgeFixture.withWaitsUntilTheClockMoves(dir, KisEnvironment.REAL,
                o -> o.withFnDeadline(Duration.ofMillis(500)).withBatchDeadline(Duration.ofMillis(800)))) {
            String samsung = Long.toString(f.sim.market().lastPrice("005930"));
            // the first call issues the token (on a busy machine it may take longer than the deadline)
            await().atMost(Duration.ofSeconds(30)).until(() -> f.get("/v1/fn/PRICE/005930").body().equals(samsung));
            f.sim.faults().expireTokens(); // EGW00123 a moment after the token was issued: a new one in 61 s

            HttpResponse<String> first = f.get("/v1/fn/PRICE/000660");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).startsWith("#N/A ");
            await().atMost(Duration.ofSeconds(30)).until(() -> f.client.currentWait()
                    .filter(w -> w.kind() == KisWait.Kind.TOKEN).isPresent());

            HttpResponse<String> during = f.get("/v1/fn/PRICE/000660");
            assertThat(during.body()).isEqualTo("#N/A " + TOKEN_REASON + " 61 s (recalculate then)");
            assertThat(during.headers().firstValue("X-Bridge-Error")).hasValue("waiting");
            HttpResponse<String> json = f.get("/v1/fn/PRICE/000660?format=json");
            assertThat(json.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(json.body()).path("error").path("kind").asText()).isEqualTo("waiting");

            f.clock.advance(Duration.ofSeconds(20));
            JsonNode batch = JSON.readTree(f.post("/v1/batch",
                    "{\"calls\":[{\"fn\":\"PRICE\",\"args\":[\"000660\"]},{\"fn\":\"PRICE\",\"args\":[\"X\"]}]}").body());
            JsonNode waiting = batch.path("results").get(0).path("error");
            assertThat(waiting.path("kind").asText()).isEqualTo("waiting");
            assertThat(waiting.path("status").asInt()).isEqualTo(503);
            assertThat(waiting.path("message").asText()).isEqualTo(TOKEN_REASON + " 41 s (recalculate then)");
            // bad input is still answered at once, not after a deadline
            assertThat(batch.path("results").get(1).path("error").path("kind").asText()).isEqualTo("bad_input");

            f.clock.advance(Duration.ofSeconds(41));
            String price = Long.toString(f.sim.market().lastPrice("000660"));
            await().atMost(Duration.ofSeconds(30)).until(() -> f.get("/v1/fn/PRICE/000660").body().equals(price));
            assertThat(f.client.currentWait()).isEmpty();
            assertThat(f.sim.counters().tokenIssuances()).isEqualTo(2);
        }
    }

    @Test
    void saysKisHasNotAnsweredWhenItIsSlowerThanTheDeadline(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL,
                o -> o.withFnDeadline(Duration.ofMillis(300)))) {
            String samsung = Long.toString(f.sim.market().lastPrice("005930"));
            await().atMost(Duration.ofSeconds(30)).until(() -> f.get("/v1/fn/PRICE/005930").body().equals(samsung));
            f.sim.faults().delayResponses(Duration.ofSeconds(5));
            HttpResponse<String> first = f.get("/v1/fn/PRICE/000660");
            assertThat(first.body()).startsWith("#N/A KIS has not answered");
            await().atMost(Duration.ofSeconds(30)).until(() -> f.client.currentWait().isPresent());
            assertThat(f.get("/v1/fn/PRICE/000660").body())
                    .matches("#N/A KIS has not answered for \\d+ s \\(unreachable or slow\\); still trying"
                            + " \\(recalculate later\\)");
            f.sim.faults().delayResponses(Duration.ZERO);
            String price = Long.toString(f.sim.market().lastPrice("000660"));
            await().atMost(Duration.ofSeconds(30)).until(() -> f.get("/v1/fn/PRICE/000660").body().equals(price));
        }
    }
}
