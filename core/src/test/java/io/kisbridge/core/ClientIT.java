package io.kisbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kisbridge.core.internal.Ticker;
import io.kisbridge.core.rest.HttpTransport;
import io.kisbridge.core.rest.JdkHttpTransport;
import io.kisbridge.core.rest.RateLimiter;
import java.net.http.HttpTimeoutException;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.SimEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Tokens, paging, limits and the typed facades against the simulator. */
@Timeout(120)
class ClientIT {
    @TempDir
    Path stateDir;
    private SimFixture fx;

    private SimFixture start() {
        fx = new SimFixture(stateDir);
        return fx;
    }

    private SimFixture start(KisSimulator.Builder b) {
        fx = new SimFixture(stateDir, b);
        return fx;
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static <T> List<T> concurrently(int threads, int calls, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> fs = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                fs.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- tokens -------------------------------------------------------------------------------------------------

    @Test
    void twoClientsOnOneStateDirCauseOneIssuanceAcrossRestarts() {
        start();
        try (KisClient first = fx.client(KisEnvironment.REAL)) {
            first.currentPrice("005930");
        }
        fx.clock.advance(Duration.ofHours(5));
        try (KisClient second = fx.client(KisEnvironment.REAL)) {
            second.currentPrice("005930");
        }
        assertThat(fx.sim.counters().tokenIssuances()).isEqualTo(1);
    }

    @Test
    void manyThreadsOnFirstUseCauseOneIssuance() throws Exception {
        start();
        KisClient a = fx.client(KisEnvironment.REAL);
        KisClient b = fx.client(KisEnvironment.REAL);
        List<CurrentPrice> prices = concurrently(24, 24, () -> (Thread.currentThread().getId() % 2 == 0 ? a : b).currentPrice("005930"));
        assertThat(prices).hasSize(24).allSatisfy(p -> assertThat(p.price()).isPositive());
        assertThat(fx.sim.counters().tokenIssuances()).isEqualTo(1);
    }

    @Test
    void reissuesTokenOnceWhenTheGatewaySaysExpiredMidSession() {
        start();
        KisClient c = fx.client(KisEnvironment.REAL);
        c.currentPrice("005930");
        fx.clock.advance(Duration.ofMinutes(10));
        fx.sim.faults().expireTokens();
        assertThat(c.currentPrice("000660").price()).isPositive();
        assertThat(fx.sim.counters().tokenIssuances()).isEqualTo(2);
        fx.sim.faults().invalidateTokens();
        fx.clock.advance(Duration.ofMinutes(2));
        assertThat(c.currentPrice("000660").price()).isPositive();
        assertThat(fx.sim.counters().tokenIssuances()).isEqualTo(3);
    }

    @Test
    void waitsOutTheOneTokenPerMinuteRuleInsteadOfProvokingEgw00133() {
        start();
        KisClient c = fx.client(KisEnvironment.REAL);
        c.currentPrice("005930");
        var issuedAt = fx.clock.instant();
        fx.clock.advance(Duration.ofSeconds(10));
        fx.sim.faults().invalidateTokens();
        assertThat(c.currentPrice("005930").price()).isPositive();
        assertThat(fx.sim.counters().tokenIssuances()).isEqualTo(2);
        assertThat(Duration.between(issuedAt, fx.clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void expiresTheCachedTokenAfterTwentyThreeHours() {
        start();
        KisClient c = fx.client(KisEnvironment.REAL);
        c.currentPrice("005930");
        fx.clock.advance(Duration.ofHours(23).plusMinutes(1));
        c.currentPrice("005930");
        assertThat(fx.sim.counters().tokenIssuances()).isEqualTo(2);
    }

    @Test
    void issuesTheApprovalKeyAndRevokesTheToken() {
        start();
        KisClient c = fx.client(KisEnvironment.PAPER);
        String key = c.approvalKey();
        assertThat(key).hasSize(36);
        assertThat(fx.sim.context().approvalKeys().appKeyFor(SimEnvironment.PAPER, key))
                .contains(fx.sim.credentials(SimEnvironment.PAPER).appKey());
        c.currentPrice("005930");
        c.revokeToken();
        assertThat(c.tokenCacheFile()).doesNotExist();
        fx.clock.advance(Duration.ofMinutes(2));
        assertThat(c.currentPrice("005930").price()).isPositive();
        assertThat(fx.sim.counters().tokenIssuances()).isEqualTo(2);
    }

    // ---- limits -------------------------------------------------------------------------------------------------

    @Test
    void twoHundredConcurrentCallsNeverTripTheRealRateLimit() throws Exception {
        start();
        KisClient a = fx.client(KisEnvironment.REAL);
        KisClient b = fx.client(KisEnvironment.REAL);
        List<String> codes = fx.sim.market().codes();
        List<CurrentPrice> prices = concurrently(200, 200, () -> {
            int i = (int) (Thread.currentThread().getId() % codes.size());
            return (i % 2 == 0 ? a : b).currentPrice(codes.get(i));
        });
        assertThat(prices).hasSize(200);
        assertThat(fx.sim.counters().rateLimitRejections()).isZero();
        assertThat(fx.sim.counters().calls("FHKST01010100")).isEqualTo(200);
        assertThat(fx.sim.counters().maxCallsInAnySecond(SimEnvironment.REAL)).isBetween(1, 20);
    }

    @Test
    void concurrentPaperCallsStayWithinTwoPerSecond() throws Exception {
        start();
        KisClient c = fx.client(KisEnvironment.PAPER);
        List<CurrentPrice> prices = concurrently(10, 10, () -> c.currentPrice("005930"));
        assertThat(prices).hasSize(10);
        assertThat(fx.sim.counters().rateLimitRejections()).isZero();
        assertThat(fx.sim.counters().maxCallsInAnySecond(SimEnvironment.PAPER)).isBetween(1, 2);
    }

    @Test
    void retriesInjectedRateLimitAnswersAndSucceeds() {
        start();
        KisClient c = fx.client(KisEnvironment.REAL);
        c.currentPrice("005930");
        fx.sim.faults().rateLimitNext(3);
        assertThat(c.currentPrice("005930").price()).isPositive();
        assertThat(fx.sim.counters().rateLimitRejections()).isEqualTo(3);
        assertThat(fx.sim.counters().calls("FHKST01010100")).isEqualTo(5);
    }

    @Test
    void givesUpWithARateLimitExceptionWhenTheGatewayKeepsRefusing() {
        start();
        KisClient c = fx.client(KisEnvironment.REAL);
        c.currentPrice("005930");
        fx.sim.faults().rateLimitNext(50);
        assertThatThrownBy(() -> c.currentPrice("005930")).isInstanceOf(KisRateLimitException.class);
        assertThat(fx.sim.counters().calls("FHKST01010100")).isEqualTo(1 + 6);
    }

    // ---- paging -------------------------------------------------------------------------------------------------

    @Test
    void joinsBalanceAndExecutionPagesAcrossTrCont() {
        start(KisSimulator.builder().rateLimitPerSecond(SimEnvironment.PAPER, 20));
        // Paper pages are small (balance 20, executions 15); this test raises the paper limit on both sides.
        KisClient c = KisClient.builder(fx.config(KisEnvironment.PAPER).requestsPerSecond(20).build())
                .sleeper(fx.sleeper()).rateLimiter(new RateLimiter(20, RateLimiter.DEFAULT_WINDOW, Ticker.SYSTEM)).build();
        List<String> newCodes = fx.sim.market().codes().stream()
                .filter(code -> !List.of("005930", "000660", "035420", "005380").contains(code))
                .filter(code -> fx.sim.market().lastPrice(code) < 300_000).limit(18).toList();
        assertThat(newCodes).hasSize(18);
        for (String code : newCodes) {
            c.placeOrder(OrderSide.BUY, code, 1, OrderType.MARKET, 0);
        }
        ApiResult raw = c.call("inquire-balance", Map.of());
        assertThat(raw.pages()).isGreaterThanOrEqualTo(2);
        Balance b = c.balance();
        assertThat(b.holdings()).hasSize(22);
        assertThat(b.holdings()).extracting(Holding::code).doesNotHaveDuplicates().containsAll(newCodes);
        LocalDate today = LocalDate.ofInstant(fx.clock.instant(), KisClient.KST);
        List<Execution> executions = c.dailyExecutions(today, today);
        assertThat(executions).hasSize(18);
        assertThat(executions).extracting(Execution::orderNumber).doesNotHaveDuplicates();
        assertThat(c.call("inquire-daily-ccld", Map.of("INQR_STRT_DT", today.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                "INQR_END_DT", today.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE))).pages()).isEqualTo(2);
        assertThat(fx.sim.counters().rateLimitRejections()).isZero();
    }

    @Test
    void returnsYearsOfDailyHistoryAcrossHundredRowWindows() {
        start();
        KisClient c = fx.client(KisEnvironment.REAL);
        LocalDate from = LocalDate.of(2023, 3, 1);
        LocalDate to = LocalDate.of(2026, 3, 2);
        List<Bar> bars = c.dailyHistory("005930", from, to);
        assertThat(bars.size()).isGreaterThan(600);
        assertThat(bars).extracting(Bar::date).isSorted().doesNotHaveDuplicates()
                .allSatisfy(d -> assertThat(d).isBetween(from, to));
        assertThat(bars.get(0).date()).isBefore(from.plusDays(7));
        assertThat(fx.sim.counters().calls("FHKST03010100")).isGreaterThanOrEqualTo(7);
        List<Bar> weeks = c.periodHistory("005930", from, to, BarPeriod.WEEK, true);
        assertThat(weeks.size()).isBetween(140, 165);
    }

    @Test
    void returnsTheWholeDaysMinuteBarsAcrossThirtyBarWindows() {
        start();
        KisClient c = fx.client(KisEnvironment.REAL);
        for (int i = 0; i < 45; i++) {
            fx.sim.market().tick("005930");
            fx.clock.advance(Duration.ofMinutes(1));
        }
        List<MinuteBar> bars = c.minuteBars("005930", LocalTime.of(15, 30));
        assertThat(bars.size()).isGreaterThanOrEqualTo(45);
        assertThat(bars).extracting(MinuteBar::time).isSorted().doesNotHaveDuplicates();
        assertThat(fx.sim.counters().calls("FHKST03010200")).isGreaterThanOrEqualTo(2);
    }

    // ---- typed facades ------------------------------------------------------------------------------------------

    @Test
    void typedFacadesReadTheSimulatedAccountAndMarket() {
        start();
        KisClient c = fx.client(KisEnvironment.REAL);
        CurrentPrice p = c.currentPrice("005930");
        assertThat(p.price()).isEqualTo(fx.sim.market().lastPrice("005930"));
        assertThat(p.upperLimit()).isGreaterThan(p.price());
        assertThat(p.raw()).containsKey("stck_prpr");
        Balance b = c.balance();
        assertThat(b.holdings()).anySatisfy(h -> {
            assertThat(h.code()).isEqualTo("005930");
            assertThat(h.quantity()).isEqualTo(100);
        });
        assertThat(b.cashDeposit()).isPositive();
        BuyableAmount buyable = c.buyable("005930", fx.restingBuyPrice("005930"));
        assertThat(buyable.orderableCash()).isPositive();
        assertThat(buyable.maxBuyQuantity()).isPositive();
        SellableQuantity s = c.sellable("000660");
        assertThat(s.orderableQuantity()).isEqualTo(20);
    }

    @Test
    void placesModifiesAndCancelsAnOrderAndSeesItInExecutions() {
        start();
        KisClient c = fx.client(KisEnvironment.REAL);
        long price = fx.restingBuyPrice("005930");
        OrderResult placed = c.buy("005930", 2, price);
        assertThat(placed.branch()).isEqualTo("06010");
        assertThat(placed.orderNumber()).hasSize(10);
        OrderResult modified = c.modifyOrder(placed.branch(), placed.orderNumber(), OrderType.LIMIT, 0,
                price - SimFixture.tick(price));
        assertThat(modified.orderNumber()).isNotEqualTo(placed.orderNumber());
        OrderResult cancelled = c.cancelOrder(modified.branch(), modified.orderNumber());
        assertThat(cancelled.orderNumber()).isNotBlank();
        assertThat(fx.sim.counters().ordersReceived()).isEqualTo(3);
        LocalDate today = LocalDate.ofInstant(fx.clock.instant(), KisClient.KST);
        assertThat(c.dailyExecutions(today, today)).extracting(Execution::orderNumber)
                .contains(placed.orderNumber(), modified.orderNumber());
    }

    @Test
    void neverSendsAnOrderTwiceWhenTheAnswerIsLost() {
        start();
        JdkHttpTransport inner = new JdkHttpTransport(Duration.ofSeconds(5));
        // The order reaches the simulator and is processed, but its answer is "lost" on the way back.
        HttpTransport lossy = request -> {
            HttpTransport.Reply reply = inner.send(request);
            if (request.uri().getPath().endsWith("/order-cash")) {
                throw new HttpTimeoutException("request timed out");
            }
            return reply;
        };
        KisClient c = KisClient.builder(fx.config(KisEnvironment.REAL).build()).sleeper(fx.sleeper()).transport(lossy).build();
        assertThatThrownBy(() -> c.buy("005930", 1, fx.restingBuyPrice("005930")))
                .isInstanceOf(KisTransportException.class);
        assertThat(fx.sim.counters().calls("TTTC0012U")).isEqualTo(1);
        assertThat(fx.sim.counters().ordersReceived()).isEqualTo(1);
        inner.close();
    }

    @Test
    void resendsAnOrderOnlyWhenTheGatewayRefusedItForRate() {
        start();
        KisClient c = fx.client(KisEnvironment.REAL);
        c.currentPrice("005930");
        fx.sim.faults().rateLimitNext(1);
        OrderResult r = c.buy("005930", 1, fx.restingBuyPrice("005930"));
        assertThat(r.orderNumber()).isNotBlank();
        assertThat(fx.sim.counters().calls("TTTC0012U")).isEqualTo(2);
        assertThat(fx.sim.counters().ordersReceived()).isEqualTo(1);
    }
}
