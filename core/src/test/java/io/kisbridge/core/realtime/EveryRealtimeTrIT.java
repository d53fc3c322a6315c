package io.kisbridge.core.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.SimEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every realtime TR of the schema data, subscribed through the feed against the simulator and read by name. */
@Timeout(60)
class EveryRealtimeTrIT {
    private static final String CODE = "005930";

    @TempDir
    Path stateDir;

    private KisSimulator sim;
    private KisClient client;
    private RealtimeFeed feed;

    @BeforeEach
    void start() {
        sim = KisSimulator.builder().seed(3).autoTicks(false).pingInterval(Duration.ofSeconds(30)).start();
        DemoCredentials c = sim.credentials(SimEnvironment.REAL);
        client = KisClient.create(KisConfig.builder().environment(KisEnvironment.REAL)
                .appKey(c.appKey()).appSecret(c.appSecret()).account(c.accountNumber()).htsId(c.htsId())
                .restUrl(sim.restUrl(SimEnvironment.REAL)).wsUrl(sim.wsUrl(SimEnvironment.REAL)).stateDir(stateDir).build());
        feed = RealtimeFeed.builder(client, false).build();
        feed.start();
    }

    @AfterEach
    void stop() {
        feed.close();
        client.close();
        sim.close();
    }

    private static Topic topicOf(RealtimeSchema s) {
        String key = switch (s.keyKind()) {
            case STOCK -> CODE;
            case INDEX -> "0001";
            case HTS -> "";
        };
        return Topic.parse(new Topic(s.topic(), key, s.market()).toString());
    }

    @Test
    void everyTrFlowsThroughTheFeedWithEveryFieldOfItsSchemaMappedByNameAndTyped() {
        Map<Topic, List<RealtimeEvent.Data>> received = new LinkedHashMap<>();
        List<Subscription> subs = new ArrayList<>();
        for (RealtimeSchema s : RealtimeSchemas.all()) {
            Topic t = topicOf(s);
            List<RealtimeEvent.Data> events = new CopyOnWriteArrayList<>();
            received.put(t, events);
            subs.add(feed.subscribe(t, e -> {
                if (e instanceof RealtimeEvent.Data d) {
                    events.add(d);
                }
            }));
        }
        assertThat(received).hasSize(26);
        await().atMost(Duration.ofSeconds(10)).until(() -> subs.stream().allMatch(s -> s.state() == TopicState.SUBSCRIBED));
        assertThat(sim.counters().subscriptions()).isEqualTo(26);

        sim.market().tick(CODE);
        client.buy(CODE, 1, sim.market().lastPrice(CODE));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> received.forEach((t, events) ->
                assertThat(events).as(t + " received data").isNotEmpty()));
        received.forEach((topic, events) -> {
            RealtimeEvent.Data d = events.get(events.size() - 1);
            RealtimeRecord r = d.record();
            RealtimeSchema schema = topic.schema();
            assertThat(d.topic()).isEqualTo(topic);
            assertThat(r.schema().trId()).isEqualTo(schema.trId());
            assertThat(r.fieldCountMatches()).as(topic + " field count").isTrue();
            assertThat(r.toMap().keySet()).as(topic.toString()).containsExactlyElementsOf(
                    schema.fields().stream().map(Field::code).toList());
            for (Field f : schema.fields()) {
                String text = r.text(f.code());
                assertThat(text).as(topic + " " + f.code()).isNotNull();
                if (!text.isEmpty()) {
                    assertThat(r.value(f.code())).as(topic + " " + f.code() + " as " + f.type() + ": '" + text + "'").isNotNull();
                }
            }
            switch (topic.kind()) {
                case TRADE -> assertThat(d.value()).isInstanceOfSatisfying(Trade.class, tr -> assertThat(tr.code()).isEqualTo(CODE));
                case BOOK -> assertThat(d.value()).isInstanceOfSatisfying(OrderBook.class, b -> assertThat(b.asks()).hasSize(10));
                case FILLS -> assertThat(d.value()).isInstanceOfSatisfying(ExecutionNotice.class, n -> assertThat(n.code()).isEqualTo(CODE));
                case RECORD -> assertThat(d.value()).isSameAs(r);
            }
        });
        assertThat(feed.counters().badFrames()).isZero();
    }

    @Test
    void nxtAndIndexTopicsCarryTheirOwnMarketsData() {
        List<Trade> krx = new CopyOnWriteArrayList<>();
        List<Trade> nxt = new CopyOnWriteArrayList<>();
        List<RealtimeRecord> kospi = new CopyOnWriteArrayList<>();
        Subscription a = feed.subscribe("trade:" + CODE, e -> { if (e instanceof RealtimeEvent.Data d) krx.add((Trade) d.value()); });
        Subscription b = feed.subscribe("trade:" + CODE + "@NX", e -> { if (e instanceof RealtimeEvent.Data d) nxt.add((Trade) d.value()); });
        Subscription c = feed.subscribe("index:0001", e -> { if (e instanceof RealtimeEvent.Data d) kospi.add(d.record()); });
        await().atMost(Duration.ofSeconds(10)).until(() -> List.of(a, b, c).stream().allMatch(s -> s.state() == TopicState.SUBSCRIBED));

        sim.market().tick(CODE);

        await().atMost(Duration.ofSeconds(10)).until(() -> !krx.isEmpty() && nxt.size() >= 2 && kospi.size() >= 2);
        Trade k = krx.get(krx.size() - 1);
        Trade n = nxt.get(nxt.size() - 1);
        assertThat(n.record().trId()).isEqualTo("H0NXCNT0");
        assertThat(n.price() - n.change()).as("same previous close").isEqualTo(k.price() - k.change());
        assertThat(n.cumulativeVolume()).isLessThan(k.cumulativeVolume());
        assertThat(kospi.get(kospi.size() - 1).value("PRPR_NMIX")).isInstanceOf(java.math.BigDecimal.class);
        assertThat(kospi.get(kospi.size() - 1).text("BSTP_CLS_CODE")).isEqualTo("0001");
    }
}
