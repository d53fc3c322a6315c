package io.kisbridge.bridge.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class StreamSocketTest {
    private final SendCounters counters = new SendCounters();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A sink that records each write and completes it only when the test says so. */
    static final class HeldSink implements FrameSink {
        final List<List<String>> writes = new CopyOnWriteArrayList<>();
        final List<Consumer<Throwable>> pending = new CopyOnWriteArrayList<>();

        @Override
        public void send(List<String> texts, Consumer<Throwable> done) {
            writes.add(List.copyOf(texts));
            pending.add(done);
        }

        void complete(int write) {
            pending.get(write).accept(null);
        }

        void fail(int write) {
            pending.get(write).accept(new ClosedChannelException());
        }

        List<String> all() {
            List<String> out = new ArrayList<>();
            writes.forEach(out::addAll);
            return out;
        }
    }

    @Test
    void aSocketHasOneWriteInFlightAndWhatArrivesMeanwhileGoesOutTogetherInTheNext() {
        HeldSink sink = new HeldSink();
        StreamSocket socket = new StreamSocket("s1", sink, executor, 64, counters);

        socket.offerLatest("trade:005930", "price-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.writes.size() == 1);
        socket.offerLatest("trade:005930", "price-2");
        socket.offerOrdered("fills", "fill-1");
        socket.offerLatest("trade:005930", "price-3");
        socket.offerLatest("trade:000660", "hynix-1");
        // nothing more is written while the first write is in flight
        assertThat(socket.pending()).isEqualTo(3);
        assertThat(sink.writes).hasSize(1);

        sink.complete(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.writes.size() == 2);
        assertThat(sink.writes.get(0)).containsExactly("price-1");
        assertThat(sink.writes.get(1)).containsExactly("price-3", "fill-1", "hynix-1");
        sink.complete(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> counters.batches.sum() == 2 && socket.pending() == 0);
        assertThat(counters.messages.sum()).isEqualTo(4);
        assertThat(counters.conflated.sum()).isEqualTo(1);

        // idle again: the next offer starts a new write
        socket.offerOrdered(null, "feed-connected");
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.writes.size() == 3);
        assertThat(sink.writes.get(2)).containsExactly("feed-connected");
    }

    @Test
    void writesThatCompleteInsideSendAreFollowedOnTheSameThreadWithoutStartingAnother() {
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Executor counting = task -> {
            started.incrementAndGet();
            executor.execute(task);
        };
        List<List<String>> writes = new CopyOnWriteArrayList<>();
        StreamSocket[] self = new StreamSocket[1];
        FrameSink inline = (texts, done) -> {
            writes.add(List.copyOf(texts));
            if (writes.size() == 1) {
                // a value arrives while the first write is under way
                self[0].offerLatest("trade:005930", "price-2");
            }
            done.accept(null);
        };
        self[0] = new StreamSocket("s1", inline, counting, 64, counters);

        self[0].offerLatest("trade:005930", "price-1");

        await().atMost(Duration.ofSeconds(5)).until(() -> writes.size() == 2 && self[0].pending() == 0);
        assertThat(writes).containsExactly(List.of("price-1"), List.of("price-2"));
        assertThat(started.get()).isEqualTo(1);
    }

    @Test
    void aWriteFailingInsideSendClosesTheSocket() {
        FrameSink broken = (texts, done) -> done.accept(new ClosedChannelException());
        StreamSocket socket = new StreamSocket("s1", broken, executor, 64, counters);
        socket.offerOrdered("fills", "fill-1");
        await().atMost(Duration.ofSeconds(5)).until(socket::isClosed);
        assertThat(socket.pending()).isZero();
    }

    @Test
    void aFailedWriteClosesTheSocketAndFreesItsOutbox() {
        HeldSink sink = new HeldSink();
        StreamSocket socket = new StreamSocket("s1", sink, executor, 64, counters);
        socket.offerOrdered("fills", "fill-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.writes.size() == 1);
        socket.offerOrdered("fills", "fill-2");
        socket.offerLatest("trade:005930", "price-1");

        sink.fail(0);

        await().atMost(Duration.ofSeconds(5)).until(socket::isClosed);
        assertThat(socket.pending()).isZero();
        socket.offerOrdered("fills", "fill-3");
        assertThat(socket.pending()).isZero();
        assertThat(sink.writes).hasSize(1);
    }

    @Test
    void aClosedSocketDropsWhatWaitsAndItsWriteInFlightEndsTheDrain() {
        HeldSink sink = new HeldSink();
        StreamSocket socket = new StreamSocket("s1", sink, executor, 64, counters);
        socket.offerLatest("trade:005930", "price-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.writes.size() == 1);
        socket.offerLatest("trade:005930", "price-2");

        socket.close();
        sink.complete(0);

        assertThat(socket.pending()).isZero();
        socket.offerLatest("trade:005930", "price-3");
        assertThat(socket.pending()).isZero();
        assertThat(sink.writes).hasSize(1);
    }

    @Test
    void aSocketThatStopsReadingHoldsUpNobodyElseAndKeepsOneValuePerTopic() {
        HeldSink stuck = new HeldSink();
        List<String> received = new CopyOnWriteArrayList<>();
        FrameSink fast = (texts, done) -> {
            received.addAll(texts);
            done.accept(null);
        };
        StreamSocket slow = new StreamSocket("slow", stuck, executor, 64, counters);
        StreamSocket quick = new StreamSocket("quick", fast, executor, 64, counters);

        for (int i = 1; i <= 10_000; i++) {
            String text = "price-" + i;
            slow.offerLatest("trade:005930", text);
            quick.offerLatest("trade:005930", text);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("price-10000"));
        assertThat(received).isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b)));
        // the stuck socket's first write never completes: it holds that write and one pending value
        assertThat(stuck.writes).hasSize(1);
        assertThat(slow.pending()).isEqualTo(1);
    }

    private static int number(String text) {
        return Integer.parseInt(text.substring(text.indexOf('-') + 1));
    }
}
