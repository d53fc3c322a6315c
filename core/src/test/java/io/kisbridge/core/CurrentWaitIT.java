package io.kisbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kisbridge.core.rest.RateLimiter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What {@link KisClient#currentWait()} says while calls wait, against the simulator on a manual clock. */
@Timeout(60)
class CurrentWaitIT {
    @TempDir
    Path stateDir;

    @Test
    void saysACallWaitsForTheTokenMinuteAndHowLongUntilTheTestMovesTheClock() throws Exception {
        try (SimFixture fx = new SimFixture(stateDir);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             // a wait lasts until the test moves the clock: the call is caught in the middle of its wait
             KisClient client = KisClient.builder(fx.config(KisEnvironment.REAL).build())
                     .rateLimiter(new RateLimiter(20, RateLimiter.DEFAULT_WINDOW, System::nanoTime))
                     .sleeper(d -> fx.clock.awaitInstant(fx.clock.instant().plus(d))).build()) {
            client.currentPrice("005930"); // the token of the minute
            assertThat(client.currentWait()).isEmpty();
            fx.sim.faults().expireTokens(); // KIS says EGW00123 a moment after issuing it

            CompletableFuture<CurrentPrice> call = CompletableFuture.supplyAsync(() -> client.currentPrice("000660"),
                    pool);

            await().atMost(Duration.ofSeconds(20)).until(() -> client.currentWait().isPresent());
            KisWait wait = client.currentWait().orElseThrow();
            assertThat(wait.kind()).isEqualTo(KisWait.Kind.TOKEN);
            assertThat(wait.message()).isEqualTo(
                    "waiting for a new KIS token: KIS grants one a minute, ready in about 61 s");
            fx.clock.advance(Duration.ofSeconds(20));
            assertThat(client.currentWait().orElseThrow().message()).endsWith("ready in about 41 s");
            assertThat(call).isNotDone();

            fx.clock.advance(Duration.ofSeconds(41));
            assertThat(call.get().price()).isEqualTo(fx.sim.market().lastPrice("000660"));
            assertThat(client.currentWait()).isEmpty();
        }
    }

    @Test
    void saysKisIsNotAnsweringWhenARequestHasWaitedForItsAnswer() throws Exception {
        try (SimFixture fx = new SimFixture(stateDir);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             KisClient client = KisClient.builder(fx.config(KisEnvironment.REAL).build())
                     .rateLimiter(new RateLimiter(20, RateLimiter.DEFAULT_WINDOW, System::nanoTime))
                     .sleeper(fx.sleeper()).build()) {
            client.currentPrice("005930");
            fx.sim.faults().delayResponses(Duration.ofSeconds(4));
            CompletableFuture<CurrentPrice> call = CompletableFuture.supplyAsync(() -> client.currentPrice("000660"),
                    pool);

            await().atMost(Duration.ofSeconds(20)).until(() -> client.currentWait().isPresent());
            KisWait wait = client.currentWait().orElseThrow();
            assertThat(wait.kind()).isEqualTo(KisWait.Kind.KIS_NOT_ANSWERING);
            assertThat(wait.message()).matches("KIS has not answered for \\d+ s \\(unreachable or slow\\); still trying");
            assertThat(wait.remaining()).isEmpty();
            fx.sim.faults().delayResponses(Duration.ZERO);
            call.get();
        }
    }
}
