package io.kisbridge.bridge.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.realtime.FeedState;
import io.kisbridge.core.realtime.FeedStatus;
import io.kisbridge.core.realtime.FrameParser;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.RealtimeRecord;
import io.kisbridge.core.realtime.Topic;
import io.kisbridge.core.realtime.TopicState;
import io.kisbridge.core.realtime.Trade;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TopicFanoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYLOAD = "005930^093354^71900^5^-100^-0.14^72023.83^72100^72400^71700^71900^71800^1"
            + "^3052507^219853241700^5105^6937^1832^84.90^1366314^1159996^1^0.39^20.28^090020^5^-200^090820^5^-500"
            + "^092619^2^200^20230612^20^N^65945^216924^1118750^2199206^0.05^2424142^125.92^0^^72100";
    private static final Executor INLINE = Runnable::run;
    private static final FeedStatus CONNECTING = new FeedStatus(FeedState.CONNECTING, "", 0, Instant.EPOCH);
    private static final FeedStatus CONNECTED = new FeedStatus(FeedState.CONNECTED, "", 0, Instant.EPOCH);

    private final SendCounters counters = new SendCounters();

    private static RealtimeEvent.Data trade(String code, long price) {
        String payload = code + PAYLOAD.substring(6).replaceFirst("\\^71900\\^", "^" + price + "^");
        RealtimeRecord r = FrameParser.parse("0|H0STCNT0|001|" + payload).records().get(0);
        return new RealtimeEvent.Data(Topic.trade(code), Trade.from(r), r);
    }

    /** A socket whose writes complete at once; every text it sends, in order. */
    private final class Recorded {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final StreamSocket socket = new StreamSocket("s", (t, done) -> {
            texts.addAll(t);
            done.accept(null);
        }, INLINE, 64, counters);

        List<JsonNode> json() {
            List<JsonNode> out = new ArrayList<>();
            for (String t : texts) {
                try {
                    out.add(JSON.readTree(t));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
    }

    @Test
    void eachEventIsEncodedOnceAndEverySocketGetsTheSameText() {
        TopicFanout fanout = new TopicFanout(Topic.trade("005930"), counters);
        List<Recorded> sockets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Recorded r = new Recorded();
            sockets.add(r);
            fanout.join(r.socket, CONNECTED);
        }
        RealtimeEvent.Data ev = trade("005930", 72000);

        fanout.onEvent(ev);

        assertThat(counters.encodings.sum()).isEqualTo(1);
        String expected = StreamMessages.event(ev);
        for (Recorded r : sockets) {
            assertThat(r.texts).hasSize(1);
            assertThat(r.texts.get(0)).isSameAs(sockets.get(0).texts.get(0)).isEqualTo(expected);
        }
    }

    @Test
    void aSocketJoiningALiveTopicGetsItsStatusWithTheFeedStateOfNowAndItsLastValueThenWhatFollows() {
        Topic topic = Topic.trade("005930");
        TopicFanout fanout = new TopicFanout(topic, counters);
        Recorded early = new Recorded();
        fanout.join(early.socket, CONNECTING);
        fanout.onEvent(new RealtimeEvent.Status(topic, TopicState.SUBSCRIBED, CONNECTING, "ok"));
        fanout.onEvent(trade("005930", 71900));
        fanout.onEvent(trade("005930", 72000));

        Recorded late = new Recorded();
        fanout.join(late.socket, CONNECTED);
        fanout.onEvent(trade("005930", 72100));

        List<JsonNode> got = late.json();
        assertThat(got).hasSize(3);
        assertThat(got.get(0).path("topic").asText()).isEqualTo("trade:005930");
        assertThat(got.get(0).path("status").asText()).isEqualTo("subscribed");
        assertThat(got.get(0).path("detail").asText()).isEqualTo("ok");
        assertThat(got.get(0).path("feed").asText()).isEqualTo("connected");
        assertThat(got.get(1).at("/data/stck_prpr").asLong()).isEqualTo(72000);
        assertThat(got.get(2).at("/data/stck_prpr").asLong()).isEqualTo(72100);
        assertThat(early.json()).extracting(m -> m.has("status") ? m.path("status").asText()
                : m.at("/data/stck_prpr").asText()).containsExactly("subscribed", "71900", "72000", "72100");
    }

    @Test
    void aSocketJoiningATopicWithNothingYetGetsNothingUntilTheFirstEvent() {
        Topic topic = Topic.trade("005930");
        TopicFanout fanout = new TopicFanout(topic, counters);
        Recorded r = new Recorded();
        fanout.join(r.socket, CONNECTED);
        assertThat(r.texts).isEmpty();
        fanout.onEvent(new RealtimeEvent.Status(topic, TopicState.PENDING, CONNECTING, ""));
        assertThat(r.json()).singleElement().satisfies(m -> assertThat(m.path("status").asText()).isEqualTo("pending"));
    }

    @Test
    void fillsAreNeverConflatedEvenForASlowSocket() {
        Topic fills = Topic.FILLS;
        TopicFanout fanout = new TopicFanout(fills, counters);
        List<String> written = new CopyOnWriteArrayList<>();
        List<Runnable> held = new CopyOnWriteArrayList<>();
        StreamSocket slow = new StreamSocket("slow", (t, done) -> {
            written.addAll(t);
            held.add(() -> done.accept(null));
        }, INLINE, 64, counters);
        fanout.join(slow, CONNECTED);
        // stand-in fills (a trade record under the fills topic): the fan-out treats every fills event alike
        for (int i = 0; i < 5; i++) {
            RealtimeEvent.Data t = trade("005930", 70000 + i);
            fanout.onEvent(new RealtimeEvent.Data(fills, t.value(), t.record()));
        }
        held.get(0).run();
        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 5);
        assertThat(written).allMatch(t -> t.startsWith("{\"topic\":\"fills\""));
        assertThat(written).extracting(t -> JSON.readTree(t).at("/data/stck_prpr").asLong())
                .containsExactly(70000L, 70001L, 70002L, 70003L, 70004L);
        assertThat(counters.conflated.sum()).isZero();
    }

    @Test
    void aSocketThatLeftGetsNothingMoreAndTheLastToLeaveIsTold() {
        TopicFanout fanout = new TopicFanout(Topic.trade("005930"), counters);
        Recorded a = new Recorded();
        Recorded b = new Recorded();
        fanout.join(a.socket, CONNECTED);
        fanout.join(b.socket, CONNECTED);

        assertThat(fanout.leave(a.socket)).isFalse();
        fanout.onEvent(trade("005930", 72000));
        assertThat(fanout.leave(b.socket)).isTrue();

        assertThat(a.texts).isEmpty();
        assertThat(b.texts).hasSize(1);
    }

    @Test
    void recordsTheFeedDroppedBeforeAnEveryRecordFanoutReachEachSocketAsAGapInTheirPlace() {
        Topic topic = Topic.trade("005930");
        TopicFanout fanout = new TopicFanout(topic, true, counters);
        Recorded socket = new Recorded();
        fanout.join(socket.socket, CONNECTED);
        fanout.onEvent(trade("005930", 71900));
        fanout.onEvent(new RealtimeEvent.Dropped(topic, 7));
        fanout.onEvent(trade("005930", 72000));

        List<JsonNode> got = socket.json();
        assertThat(got).hasSize(3);
        assertThat(got.get(0).path("data").path("stck_prpr").asLong()).isEqualTo(71900);
        assertThat(got.get(1).path("status").asText()).isEqualTo("dropped");
        assertThat(got.get(1).path("count").asLong()).isEqualTo(7);
        assertThat(got.get(2).path("data").path("stck_prpr").asLong()).isEqualTo(72000);
        assertThat(counters.recordsDropped.sum()).isEqualTo(7);
        assertThat(counters.gaps.sum()).isEqualTo(1);
    }
}
