package io.kisbridge.bridge.internal.stream;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code /v1/stream} socket: its {@link Outbox} and its drain. Offers never block (the feed's and the scripts'
 * threads only queue); the first offer into an idle outbox starts a drain on {@code executor}, which takes
 * everything pending and hands it to the {@link FrameSink} in one go. When the sink reports the write done the drain
 * looks again, so while a write is in flight new values gather (and conflate) for the next one. A slow socket thus
 * holds at most one write and a bounded outbox, and never holds up the others.
 */
final class StreamSocket {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSocket.class);

    private final String id;
    private final Outbox outbox;
    private final FrameSink sink;
    private final Executor executor;
    private final SendCounters counters;

    StreamSocket(String id, FrameSink sink, Executor executor, int capacity, SendCounters counters) {
        this(id, sink, executor, capacity, Outbox.EVERY_CAPACITY, counters);
    }

    StreamSocket(String id, FrameSink sink, Executor executor, int capacity, int everyCapacity,
                 SendCounters counters) {
        this.id = id;
        this.outbox = new Outbox(capacity, everyCapacity, counters);
        this.sink = sink;
        this.executor = executor;
        this.counters = counters;
    }

    /** The newest value of a trade/book topic (replaces one still waiting). */
    void offerLatest(String topic, String text) {
        if (outbox.offerLatest(topic, text)) {
            schedule();
        }
    }

    /** One record of a trade/book topic this socket wants every record of (never replaced; a gap is reported). */
    void offerEvery(String topic, String text) {
        if (outbox.offerEvery(topic, text)) {
            schedule();
        }
    }

    /** {@code count} records of {@code topic} that never reached this socket: reported as a gap of its own. */
    void noteDropped(String topic, long count) {
        if (outbox.noteDropped(topic, count)) {
            schedule();
        }
    }

    /** A message that is never replaced: fills, statuses, answers ({@code topic} null if about no topic). */
    void offerOrdered(String topic, String text) {
        if (outbox.offerOrdered(topic, text)) {
            schedule();
        }
    }

    /** The socket closed: drop what waits and refuse the rest. */
    void close() {
        outbox.close();
    }

    boolean isClosed() {
        return outbox.isClosed();
    }

    /** Messages waiting (for tests). */
    int pending() {
        return outbox.pending();
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // the hub is closing
            outbox.close();
        }
    }

    /**
     * Sends what waits, again and again while the writes complete inside {@code send} (the usual case when the
     * peer keeps up); a write that completes later resumes the drain from its callback on a fresh thread.
     */
    private void drain() {
        while (true) {
            List<String> texts = outbox.take();
            if (texts.isEmpty()) {
                return;
            }
            counters.messages.add(texts.size());
            counters.batches.increment();
            Write write = new Write();
            try {
                sink.send(texts, write::done);
            } catch (RuntimeException e) {
                write.done(e);
            }
            if (!write.completedInline()) {
                return;
            }
            if (write.failure != null) {
                failed(write.failure);
                return;
            }
        }
    }

    private void failed(Throwable failure) {
        LOG.debug("stream socket {} failed to write ({}); dropping its messages", id, failure.toString());
        outbox.close();
    }

    /** One write's hand-over between the drain that started it and the callback that ends it. */
    private final class Write {
        private static final int SENDING = 0;
        private static final int DONE = 1;
        private static final int LEFT = 2;
        private final AtomicInteger state = new AtomicInteger(SENDING);
        private volatile Throwable failure;

        void done(Throwable failure) {
            this.failure = failure;
            if (state.compareAndSet(SENDING, DONE)) {
                return; // the drain is still in send(): it carries on
            }
            if (failure != null) {
                failed(failure);
            } else {
                schedule();
            }
        }

        /** Called once send() returned: true if the write already completed (the drain goes on inline). */
        boolean completedInline() {
            return !state.compareAndSet(SENDING, LEFT);
        }
    }
}
