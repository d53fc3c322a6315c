package io.kisbridge.core.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kisbridge.core.realtime.internal.Backoff;
import io.kisbridge.core.realtime.internal.ListenerQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RealtimeUnitsTest {

    @Test
    void parsesTheThreeTopicKindsAndRejectsOthers() {
        assertThat(Topic.parse("trade:005930")).isEqualTo(Topic.trade("005930"));
        assertThat(Topic.parse(" Book:q500001 ")).isEqualTo(Topic.book("Q500001"));
        assertThat(Topic.parse("FILLS")).isSameAs(Topic.FILLS);
        assertThat(Topic.trade("005930").toString()).isEqualTo("trade:005930");
        assertThat(Topic.FILLS.trId(true)).isEqualTo("H0STCNI9");
        assertThat(Topic.FILLS.trId(false)).isEqualTo("H0STCNI0");
        assertThat(Topic.book("005930").trId(true)).isEqualTo("H0STASP0");
        assertThatThrownBy(() -> Topic.parse("quote:005930")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topic.parse("trade:5930")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClientsBareWebSocketUrlGetsTheOfficialTryitoutPath() {
        assertThat(RealtimeFeed.withOfficialPath("ws://127.0.0.1:21000")).isEqualTo("ws://127.0.0.1:21000/tryitout");
        assertThat(RealtimeFeed.withOfficialPath("ws://127.0.0.1:21000/")).isEqualTo("ws://127.0.0.1:21000/tryitout");
        assertThat(RealtimeFeed.withOfficialPath("ws://127.0.0.1:21000/tryitout/H0STCNT0"))
                .isEqualTo("ws://127.0.0.1:21000/tryitout/H0STCNT0");
    }

    @Test
    void backoffDoublesUpToTheCapWithinTheJitterBand() {
        Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), () -> 0.0);
        Backoff high = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), () -> 1.0);
        assertThat(low.delay(0)).isEqualTo(Duration.ofMillis(50));
        assertThat(high.delay(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(high.delay(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(high.delay(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(high.delay(10)).isEqualTo(Duration.ofSeconds(2));
        assertThat(low.delay(100)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aConflatingQueueKeepsOnlyTheLatestDataButEveryStatus() {
        List<Runnable> tasks = new ArrayList<>();
        Executor manual = tasks::add;
        List<String> seen = new ArrayList<>();
        AtomicLong dropped = new AtomicLong();
        AtomicLong conflated = new AtomicLong();
        ListenerQueue<String> q = new ListenerQueue<>(seen::add, manual, 8, true, s -> s.startsWith("data"), dropped,
                conflated);
        q.offer("data1");
        q.offer("status1");
        q.offer("data2");
        q.offer("data3");
        assertThat(tasks).hasSize(1);
        tasks.get(0).run();
        assertThat(seen).containsExactly("status1", "data3");
        assertThat(conflated.get()).isEqualTo(2);
        assertThat(dropped.get()).isZero();
    }

    @Test
    void aBoundedQueueDropsTheOldestAndCountsIt() {
        List<Runnable> tasks = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        AtomicLong dropped = new AtomicLong();
        ListenerQueue<String> q = new ListenerQueue<>(seen::add, tasks::add, 2, false, s -> true, dropped,
                new AtomicLong());
        q.offer("a");
        q.offer("b");
        q.offer("c");
        tasks.get(0).run();
        assertThat(seen).containsExactly("b", "c");
        assertThat(dropped.get()).isEqualTo(1);
    }

    @Test
    void aQueueWithAGapFactoryReportsTheDroppedDataInTheirPlaceOnceBeforeTheNextEvent() {
        List<Runnable> tasks = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        AtomicLong dropped = new AtomicLong();
        ListenerQueue<String> q = new ListenerQueue<>(seen::add, tasks::add, 2, false, s -> s.startsWith("data"),
                dropped, new AtomicLong(), (first, n) -> "gap from " + first + " x" + n);
        q.offer("data1");
        q.offer("data2");
        q.offer("data3"); // drops data1
        q.offer("data4"); // drops data2
        tasks.get(0).run();
        q.offer("data5");
        tasks.get(1).run();
        assertThat(seen).containsExactly("gap from data1 x2", "data3", "data4", "data5");
        assertThat(dropped.get()).isEqualTo(2);
    }

    @Test
    void aQueueWithAGapFactoryReportsNoGapForDroppedStatusEvents() {
        List<Runnable> tasks = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        ListenerQueue<String> q = new ListenerQueue<>(seen::add, tasks::add, 1, false, s -> s.startsWith("data"),
                new AtomicLong(), new AtomicLong(), (first, n) -> "gap x" + n);
        q.offer("status1");
        q.offer("data1"); // drops status1: a status is superseded by the feed's next one, not a lost record
        tasks.get(0).run();
        assertThat(seen).containsExactly("data1");
    }
}
