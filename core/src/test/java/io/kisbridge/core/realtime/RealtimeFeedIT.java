package io.kisbridge.core.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.OrderResult;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.SimEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The realtime feed against the in-process KIS simulator. */
@Timeout(60)
class RealtimeFeedIT {
    private static final String CODE = "005930";

    @TempDir
    Path stateDir;

    private KisSimulator sim;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void startSimulator() {
        sim = KisSimulator.builder().seed(11).autoTicks(false).pingInterval(Duration.ofMillis(500)).start();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        sim.close();
    }

    private KisClient client(SimEnvironment env) {
        DemoCredentials c = sim.credentials(env);
        KisConfig config = KisConfig.builder()
                .environment(env == SimEnvironment.PAPER ? KisEnvironment.PAPER : KisEnvironment.REAL)
                .appKey(c.appKey()).appSecret(c.appSecret()).account(c.accountNumber()).htsId(c.htsId())
                .restUrl(sim.restUrl(env)).wsUrl(sim.wsUrl(env)).stateDir(stateDir.resolve(env.name()))
                .build();
        KisClient client = KisClient.create(config);
        closeables.add(client);
        return client;
    }

    private RealtimeFeed start(RealtimeFeed.Builder builder) {
        RealtimeFeed feed = builder.backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).jitter(() -> 0.5).build();
        closeables.add(feed);
        feed.start();
        return feed;
    }

    private static final class Recorder implements Consumer<RealtimeEvent> {
        final List<RealtimeEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void accept(RealtimeEvent e) {
            events.add(e);
        }

        <T> List<T> values(Class<T> type) {
            return events.stream().filter(e -> e instanceof RealtimeEvent.Data)
                    .map(e -> ((RealtimeEvent.Data) e).value()).filter(type::isInstance).map(type::cast).toList();
        }

        List<TopicState> states() {
            return events.stream().filter(e -> e instanceof RealtimeEvent.Status)
                    .map(e -> ((RealtimeEvent.Status) e).state()).toList();
        }
    }

    private void awaitSubscribed(Subscription s) {
        await().atMost(Duration.ofSeconds(5)).until(() -> s.state() == TopicState.SUBSCRIBED);
    }

    @Test
    void tradesAndBooksFlowAsTypedValuesAndNameValueMaps() {
        RealtimeFeed feed = start(RealtimeFeed.builder(client(SimEnvironment.REAL), false));
        Recorder trades = new Recorder();
        Recorder books = new Recorder();
        Subscription t = feed.subscribe("trade:" + CODE, trades);
        Subscription b = feed.subscribe(Topic.book(CODE), books);
        awaitSubscribed(t);
        awaitSubscribed(b);

        sim.market().tick(CODE);

        await().atMost(Duration.ofSeconds(5)).until(() -> !trades.values(Trade.class).isEmpty());
        Trade trade = trades.values(Trade.class).get(0);
        assertThat(trade.code()).isEqualTo(CODE);
        assertThat(trade.price()).isEqualTo(sim.market().lastPrice(CODE));
        RealtimeEvent.Data data = (RealtimeEvent.Data) trades.events.stream()
                .filter(e -> e instanceof RealtimeEvent.Data).findFirst().orElseThrow();
        assertThat(data.fields()).hasSize(46).containsEntry("STCK_PRPR", trade.price());

        await().atMost(Duration.ofSeconds(5)).until(() -> !books.values(OrderBook.class).isEmpty());
        OrderBook book = books.values(OrderBook.class).get(0);
        assertThat(book.asks()).hasSize(10);
        assertThat(book.totalAskQuantity()).isEqualTo(book.asks().stream().mapToLong(OrderBook.Level::quantity).sum());
        assertThat(feed.counters().badFrames()).isZero();
    }

    @Test
    void aConnectionWhosePingsGoUnansweredIsTreatedAsDeadAndReconnectedWithItsTopics() {
        RealtimeFeed feed = start(RealtimeFeed.builder(client(SimEnvironment.REAL), false).keepAlive(Duration.ofSeconds(1)));
        Recorder trades = new Recorder();
        Subscription t = feed.subscribe(Topic.trade(CODE), DeliveryMode.ALL, trades);
        awaitSubscribed(t);
        // the feed pings every second and the simulator answers: the connection stays up round after round
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.counters().pingsAnswered() >= 3);
        assertThat(feed.counters().disconnects()).isZero();
        assertThat(feed.counters().connects()).isEqualTo(1);

        sim.faults().ignoreWebSocketPings(true); // the connection is dead but nobody closed it
        await().atMost(Duration.ofSeconds(20)).until(() -> feed.counters().disconnects() >= 1);
        sim.faults().ignoreWebSocketPings(false);

        await().atMost(Duration.ofSeconds(20)).until(() -> feed.status().state() == FeedState.CONNECTED
                && t.state() == TopicState.SUBSCRIBED);
        sim.market().tick(CODE);
        await().atMost(Duration.ofSeconds(10)).until(() -> trades.values(Trade.class).stream()
                .anyMatch(x -> x.price() == sim.market().lastPrice(CODE)));
        assertThat(feed.counters().connects()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void manyListenersOfATopicShareOneRegistrationReleasedWithTheLast() {
        RealtimeFeed feed = start(RealtimeFeed.builder(client(SimEnvironment.REAL), false));
        Subscription a = feed.subscribe("trade:" + CODE, e -> { });
        Subscription b = feed.subscribe("TRADE:" + CODE, e -> { });
        awaitSubscribed(a);
        assertThat(feed.topics()).containsEntry(Topic.trade(CODE), 2);
        await().until(() -> sim.counters().subscriptions() == 1);
        assertThat(sim.counters().subscribeRequests()).isEqualTo(1);

        a.close();
        assertThat(feed.registrations()).isEqualTo(1);
        b.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.counters().subscriptions() == 0);
        assertThat(feed.topics()).isEmpty();
    }

    @Test
    void fillsArriveDecryptedOnThePaperNoticeTrAfterAnOrderThroughTheClient() {
        KisClient client = client(SimEnvironment.PAPER);
        RealtimeFeed feed = start(RealtimeFeed.builder(client, false));
        Recorder fills = new Recorder();
        Subscription s = feed.subscribe("fills", fills);
        awaitSubscribed(s);

        long price = sim.market().lastPrice(CODE);
        OrderResult order = client.buy(CODE, 1, price);

        await().atMost(Duration.ofSeconds(5)).until(() -> fills.values(ExecutionNotice.class).stream()
                .anyMatch(n -> n.orderNumber().equals(order.orderNumber())));
        ExecutionNotice notice = fills.values(ExecutionNotice.class).stream()
                .filter(n -> n.orderNumber().equals(order.orderNumber())).findFirst().orElseThrow();
        assertThat(notice.trId()).isEqualTo("H0STCNI9");
        assertThat(notice.code()).isEqualTo(CODE);
        assertThat(notice.side()).isEqualTo(ExecutionNotice.Side.BUY);
        assertThat(notice.customerId()).isEqualTo(sim.credentials(SimEnvironment.PAPER).htsId());
        assertThat(notice.toString()).doesNotContain(notice.accountNumber());
        assertThat(feed.counters().decryptFailures()).isZero();
    }

    @Test
    void aDroppedConnectionIsRestoredWithEverySubscriptionAndDataFlowsWithinFiveSeconds() {
        RealtimeFeed feed = start(RealtimeFeed.builder(client(SimEnvironment.REAL), false));
        List<FeedStatus> statuses = new CopyOnWriteArrayList<>();
        closeables.add(feed.onStatus(statuses::add));
        Recorder trades = new Recorder();
        Recorder books = new Recorder();
        Subscription t = feed.subscribe("trade:" + CODE, trades);
        Subscription b = feed.subscribe("book:000660", books);
        awaitSubscribed(t);
        awaitSubscribed(b);

        long droppedAt = System.nanoTime();
        sim.faults().dropWebSocketSessions();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(feed.counters().connects()).isEqualTo(2);
            assertThat(t.state()).isEqualTo(TopicState.SUBSCRIBED);
            assertThat(b.state()).isEqualTo(TopicState.SUBSCRIBED);
        });
        int before = trades.values(Trade.class).size();
        sim.market().tick(CODE);
        await().atMost(Duration.ofSeconds(5)).until(() -> trades.values(Trade.class).size() > before);
        assertThat(Duration.ofNanos(System.nanoTime() - droppedAt)).isLessThan(Duration.ofSeconds(5));
        assertThat(sim.counters().subscriptions()).isEqualTo(2);
        assertThat(statuses).extracting(FeedStatus::state)
                .containsSubsequence(FeedState.CONNECTED, FeedState.DISCONNECTED, FeedState.RECONNECTING,
                        FeedState.CONNECTING, FeedState.CONNECTED);
        assertThat(trades.states()).contains(TopicState.RECONNECTING);
    }

    @Test
    void theTopicOverTheCapIsVisibleAsOverflowAndATradeTopicFallsBackToRestPolling() {
        RealtimeFeed feed = start(RealtimeFeed.builder(client(SimEnvironment.REAL), true)
                .restFallback(code -> sim.market().lastPrice(code), Duration.ofMillis(50)));
        List<String> codes = sim.market().codes();
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            subs.add(feed.subscribe(Topic.book(codes.get(i)), e -> { }));
        }
        for (int i = 0; i < 20; i++) {
            subs.add(feed.subscribe(Topic.trade(codes.get(i)), e -> { }));
        }
        Recorder overflowed = new Recorder();
        Subscription fortySecond = feed.subscribe(Topic.trade(codes.get(20)), overflowed);

        await().atMost(Duration.ofSeconds(5)).until(() -> subs.stream().allMatch(s -> s.state() == TopicState.SUBSCRIBED));
        assertThat(fortySecond.state()).isEqualTo(TopicState.POLLING);
        assertThat(feed.registrations()).isEqualTo(41);
        assertThat(feed.counters().registrationRejections()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !overflowed.values(PolledPrice.class).isEmpty());
        assertThat(overflowed.values(PolledPrice.class).get(0).price()).isEqualTo(sim.market().lastPrice(codes.get(20)));
        assertThat(overflowed.states()).contains(TopicState.POLLING);

        subs.get(0).close();
        await().atMost(Duration.ofSeconds(5)).until(() -> fortySecond.state() == TopicState.SUBSCRIBED);
    }

    @Test
    void theServersMaxSubscribeOverRefusalOfThe42ndRegistrationIsVisible() {
        RealtimeFeed feed = start(RealtimeFeed.builder(client(SimEnvironment.REAL), false).maxRegistrations(50));
        List<String> codes = sim.market().codes();
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            subs.add(feed.subscribe(Topic.trade(codes.get(i)), e -> { }));
            subs.add(feed.subscribe(Topic.book(codes.get(i)), e -> { }));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> subs.stream().noneMatch(s -> s.state() == TopicState.PENDING));
        assertThat(subs.stream().map(Subscription::state).filter(st -> st != TopicState.SUBSCRIBED))
                .containsExactly(TopicState.OVERFLOW);
        assertThat(subs.stream().filter(s -> s.state() == TopicState.SUBSCRIBED)).hasSize(41);
        assertThat(sim.counters().registrationRejections()).isEqualTo(1);
        assertThat(feed.counters().registrationRejections()).isEqualTo(1);
    }

    @Test
    void pingpongIsAnsweredSoTheSessionSurvivesTheServersLivenessCheck() {
        RealtimeFeed feed = start(RealtimeFeed.builder(client(SimEnvironment.REAL), false));
        Subscription s = feed.subscribe("trade:" + CODE, e -> { });
        awaitSubscribed(s);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.counters().pongs() >= 4);
        // More PINGPONGs than the server tolerates unanswered went by: the session was kept because we answered.
        assertThat(feed.counters().pingsAnswered()).isGreaterThanOrEqualTo(4);
        assertThat(feed.counters().connects()).isEqualTo(1);
        assertThat(feed.counters().disconnects()).isZero();
        assertThat(feed.state()).isEqualTo(FeedState.CONNECTED);
    }

    @Test
    void aSlowListenerDoesNotDelayAnotherListener() throws Exception {
        RealtimeFeed feed = start(RealtimeFeed.builder(client(SimEnvironment.REAL), false));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowSeen = new AtomicInteger();
        List<Trade> slowTrades = new CopyOnWriteArrayList<>();
        Subscription slow = feed.subscribe(Topic.trade(CODE), e -> {
            if (e instanceof RealtimeEvent.Data d) {
                slowSeen.incrementAndGet();
                slowTrades.add((Trade) d.value());
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Recorder fast = new Recorder();
        feed.subscribe(Topic.trade(CODE), fast);
        awaitSubscribed(slow);

        for (int i = 0; i < 20; i++) {
            sim.market().tick(CODE);
            int expected = i + 1;
            await().atMost(Duration.ofSeconds(5)).until(() -> fast.values(Trade.class).size() >= expected);
        }
        assertThat(slowSeen.get()).isEqualTo(1);
        release.countDown();
        long last = sim.market().lastPrice(CODE);
        await().atMost(Duration.ofSeconds(5)).until(() -> slowTrades.size() == 2);
        // Conflated: the slow listener skips to the latest trade.
        assertThat(slowTrades.get(1).price()).isEqualTo(last);
        assertThat(slowTrades.get(1).cumulativeVolume())
                .isEqualTo(fast.values(Trade.class).get(fast.values(Trade.class).size() - 1).cumulativeVolume());
        assertThat(feed.counters().conflatedEvents()).isGreaterThanOrEqualTo(17);
    }

    @Test
    void garbageTruncatedWronglyEncryptedAndUnknownFramesAreCountedAndTheFeedGoesOn() {
        RealtimeFeed feed = start(RealtimeFeed.builder(client(SimEnvironment.REAL), false));
        Recorder trades = new Recorder();
        Subscription s = feed.subscribe(Topic.trade(CODE), trades);
        Subscription fills = feed.subscribe(Topic.FILLS, e -> { });
        awaitSubscribed(s);
        awaitSubscribed(fills);

        sim.faults().sendRawFrame(SimEnvironment.REAL, "\u0000garbage|||");
        sim.faults().sendRawFrame(SimEnvironment.REAL, "0|H0STCNT0|00");
        sim.faults().sendRawFrame(SimEnvironment.REAL, "0|H0STCNT0|002|005930^1^2");
        sim.faults().sendRawFrame(SimEnvironment.REAL, "1|H0STCNI0|001|c29tZSBub25zZW5zZSBieXRlcyE=");
        sim.faults().sendRawFrame(SimEnvironment.REAL, "0|H0XXXXX0|001|a^b");
        sim.faults().sendRawFrame(SimEnvironment.REAL, "0|H0STCNT0|001|005930^093354^71900");
        sim.faults().sendRawFrame(SimEnvironment.REAL, "{not json");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            FeedCounters c = feed.counters();
            assertThat(c.malformedFrames()).isEqualTo(3);
            assertThat(c.decryptFailures()).isEqualTo(1);
            assertThat(c.unknownTrFrames()).isEqualTo(1);
            assertThat(c.fieldCountMismatches()).isEqualTo(1);
            assertThat(c.badControlMessages()).isEqualTo(1);
        });
        assertThat(trades.values(Trade.class)).isEmpty();

        sim.market().tick(CODE);
        await().atMost(Duration.ofSeconds(5)).until(() -> trades.values(Trade.class).size() == 1);
        assertThat(feed.state()).isEqualTo(FeedState.CONNECTED);
        assertThat(feed.counters().disconnects()).isZero();
    }

    @Test
    void logsNeverContainTheApprovalKeyTheAccountOrTheHtsId() {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(RealtimeFeed.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            KisClient client = client(SimEnvironment.PAPER);
            String goodKey = client.approvalKey();
            AtomicInteger forgets = new AtomicInteger();
            String badKey = "11111111-2222-3333-4444-555555555555";
            RealtimeFeed feed = start(RealtimeFeed.builder(client, false)
                    .approvalKey(() -> forgets.get() == 0 ? badKey : goodKey)
                    .forgetApprovalKey(forgets::incrementAndGet));
            Subscription fills = feed.subscribe(Topic.FILLS, e -> { });
            awaitSubscribed(fills);
            client.buy(CODE, 1, sim.market().lastPrice(CODE));
            sim.faults().sendRawFrame(SimEnvironment.PAPER, "1|H0STCNI9|001|AAAAAAAAAAAAAAAAAAAAAA==");
            sim.faults().sendRawFrame(SimEnvironment.PAPER, "0|H0STCNI9|001|" + sim.credentials(SimEnvironment.PAPER).htsId()
                    + "^5001234501");
            await().atMost(Duration.ofSeconds(5)).until(() -> feed.counters().decryptFailures() == 1
                    && feed.counters().fieldCountMismatches() == 1);

            DemoCredentials creds = sim.credentials(SimEnvironment.PAPER);
            String account = creds.accountNumber().replace("-", "");
            assertThat(appender.list).isNotEmpty();
            assertThat(appender.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .noneMatch(m -> m.contains(badKey) || m.contains(goodKey) || m.contains(account)
                            || m.contains(creds.accountNumber()) || m.contains(creds.htsId()) || m.contains(creds.appKey()));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }

    @Test
    void aRefusedApprovalKeyIsReplacedByAFreshOneAndTheTopicsRestored() {
        KisClient client = client(SimEnvironment.REAL);
        AtomicInteger forgets = new AtomicInteger();
        RealtimeFeed feed = start(RealtimeFeed.builder(client, false)
                .approvalKey(() -> forgets.get() == 0 ? "00000000-0000-0000-0000-000000000000" : client.approvalKey())
                .forgetApprovalKey(forgets::incrementAndGet));
        Subscription s = feed.subscribe(Topic.trade(CODE), e -> { });

        awaitSubscribed(s);
        assertThat(forgets.get()).isEqualTo(1);
        assertThat(feed.counters().connects()).isEqualTo(2);
    }
}
