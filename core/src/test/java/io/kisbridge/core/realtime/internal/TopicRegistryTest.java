package io.kisbridge.core.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.core.realtime.FeedState;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.Topic;
import io.kisbridge.core.realtime.TopicState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TopicRegistryTest {
    private final List<String> sent = new ArrayList<>();
    private final List<RealtimeEvent> events = new ArrayList<>();
    private final AtomicLong rejections = new AtomicLong();
    private final StatusBoard status = new StatusBoard(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final TopicRegistry.Channel channel = new TopicRegistry.Channel() {
        @Override
        public boolean ready() {
            return status.state() == FeedState.CONNECTED;
        }

        @Override
        public void send(String trType, String trId, String trKey) {
            sent.add(trType + " " + trId + " " + trKey);
        }
    };

    private TopicRegistry registry(int max, boolean restFallback) {
        status.enter(FeedState.CONNECTED);
        return new TopicRegistry(max, true, "HTSUSER1", restFallback, rejections, status);
    }

    private ListenerQueue<RealtimeEvent> queue() {
        return new ListenerQueue<>(events::add, Runnable::run, 16, false, e -> e instanceof RealtimeEvent.Data,
                new AtomicLong(), new AtomicLong());
    }

    @Test
    void overflowsPastTheCapAndPromotesTheOldestOverflowedTopicWhenASlotFrees() {
        TopicRegistry registry = registry(2, false);
        ListenerQueue<RealtimeEvent> first = queue();
        TopicEntry samsung = registry.add(Topic.trade("005930"), first, channel);
        registry.add(Topic.book("000660"), queue(), channel);
        TopicEntry third = registry.add(Topic.trade("035420"), queue(), channel);

        assertThat(sent).containsExactly("1 H0STCNT0 005930", "1 H0STASP0 000660");
        assertThat(third.state()).isEqualTo(TopicState.OVERFLOW);
        assertThat(third.detail()).contains("2-registration cap").contains("no realtime data");
        assertThat(rejections.get()).isEqualTo(1);
        assertThat(registry.registrations()).isEqualTo(2);

        registry.release(samsung, first, channel);

        assertThat(sent).containsExactly("1 H0STCNT0 005930", "1 H0STASP0 000660", "2 H0STCNT0 005930",
                "1 H0STCNT0 035420");
        assertThat(third.registered()).isTrue();
        assertThat(third.state()).isEqualTo(TopicState.PENDING);
        assertThat(registry.state(Topic.trade("005930"))).isNull();
    }

    @Test
    void pollsOnlyTradeTopicsOverTheCapWhenRestFallbackIsOn() {
        TopicRegistry registry = registry(1, true);
        registry.add(Topic.trade("005930"), queue(), channel);
        TopicEntry trade = registry.add(Topic.trade("000660"), queue(), channel);
        TopicEntry book = registry.add(Topic.book("000660"), queue(), channel);

        assertThat(trade.state()).isEqualTo(TopicState.POLLING);
        assertThat(book.state()).isEqualTo(TopicState.OVERFLOW);
        assertThat(registry.polling()).containsExactly(trade);
    }

    @Test
    void listenersOfOneTopicShareOneRegistrationUntilTheLastLeaves() {
        TopicRegistry registry = registry(41, false);
        ListenerQueue<RealtimeEvent> a = queue();
        ListenerQueue<RealtimeEvent> b = queue();
        TopicEntry fills = registry.add(Topic.FILLS, a, channel);
        assertThat(registry.add(Topic.FILLS, b, channel)).isSameAs(fills);
        assertThat(registry.listenerCounts()).containsEntry(Topic.FILLS, 2);

        registry.release(fills, a, channel);
        assertThat(sent).containsExactly("1 H0STCNI9 HTSUSER1");
        registry.release(fills, b, channel);
        assertThat(sent).containsExactly("1 H0STCNI9 HTSUSER1", "2 H0STCNI9 HTSUSER1");
        assertThat(registry.registrations()).isZero();
    }

    @Test
    void topicsAddedBeforeTheConnectionWaitAndRegisterOnceItOpens() {
        TopicRegistry registry = new TopicRegistry(41, false, null, false, rejections, status);
        TopicEntry entry = registry.add(Topic.trade("005930"), queue(), channel);
        assertThat(entry.state()).isEqualTo(TopicState.PENDING);
        assertThat(sent).isEmpty();

        status.enter(FeedState.CONNECTED);
        registry.registerAll(channel);
        assertThat(sent).containsExactly("1 H0STCNT0 005930");

        registry.markDisconnected();
        assertThat(entry.registered()).isFalse();
        assertThat(entry.state()).isEqualTo(TopicState.RECONNECTING);
    }

    @Test
    void recordsFindTheirTopicByTrAndKeyAcrossMarketsAndLoseItWhenTheLastListenerGoes() {
        status.enter(FeedState.CONNECTED);
        TopicRegistry registry = new TopicRegistry(41, false, "HTSUSER1", false, rejections, status);
        ListenerQueue<RealtimeEvent> q = queue();
        TopicEntry krx = registry.add(Topic.trade("005930"), queue(), channel);
        TopicEntry nxt = registry.add(Topic.parse("trade:005930@NX"), q, channel);
        TopicEntry kospi = registry.add(Topic.parse("index:0001"), queue(), channel);

        assertThat(sent).containsExactly("1 H0STCNT0 005930", "1 H0NXCNT0 005930", "1 H0UPCNT0 0001");
        assertThat(registry.find("H0STCNT0", "005930")).isSameAs(krx);
        assertThat(registry.find("H0NXCNT0", "005930")).isSameAs(nxt);
        assertThat(registry.find("H0UPCNT0", "0001")).isSameAs(kospi);
        assertThat(registry.find("H0UPCNT0", "1001")).isNull();
        assertThat(registry.onlyTopicOf("H0NXCNT0")).isSameAs(nxt);

        registry.release(nxt, q, channel);

        assertThat(registry.find("H0NXCNT0", "005930")).isNull();
        assertThat(registry.onlyTopicOf("H0NXCNT0")).isNull();
        assertThat(sent).endsWith("2 H0NXCNT0 005930");
    }

    @Test
    void onlyKrxTradeTopicsFallBackToRestPolling() {
        status.enter(FeedState.CONNECTED);
        TopicRegistry registry = new TopicRegistry(1, false, "HTSUSER1", true, rejections, status);
        registry.add(Topic.book("000660"), queue(), channel);
        TopicEntry krx = registry.add(Topic.trade("005930"), queue(), channel);
        TopicEntry nxt = registry.add(Topic.parse("trade:005930@NX"), queue(), channel);

        assertThat(krx.state()).isEqualTo(TopicState.POLLING);
        assertThat(nxt.state()).as("the REST fallback polls the KRX price only").isEqualTo(TopicState.OVERFLOW);
    }
}
