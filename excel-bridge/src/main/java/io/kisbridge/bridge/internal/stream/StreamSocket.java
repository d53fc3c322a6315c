package io.kisbridge.bridge.internal.stream;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
        this.id = id;
        this.outbox = new Outbox(capacity, counters);
        this.sink = sink;
        this.executor = executor;
        this.counters = counters;
    }

    String id() {
        return id;
    }

    /** The newest value of a trade/book topic (replaces one still waiting). */
    void offerLatest(String topic, String text) {
        if (outbox.offerLatest(topic, text)) {
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

    private void drain() {
        List<String> texts = outbox.take();
        if (texts.isEmpty()) {
            return;
        }
        counters.messages.add(texts.size());
        counters.batches.increment();
        try {
            sink.send(texts, this::written);
        } catch (RuntimeException e) {
            written(e);
        }
    }

    private void written(Throwable failure) {
        if (failure != null) {
            LOG.debug("stream socket {} failed to write ({}); dropping its messages", id, failure.toString());
            outbox.close();
            return;
        }
        // look again on a fresh thread: the callback may run on Jetty's own thread, or inside send()
        schedule();
    }
}
