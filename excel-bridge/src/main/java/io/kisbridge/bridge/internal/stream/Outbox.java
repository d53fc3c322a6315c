package io.kisbridge.bridge.internal.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What one {@code /v1/stream} socket has yet to send, in order. Two kinds of message:
 * <ul>
 *   <li>latest-value ({@link #offerLatest}: trade and book data): a newer text for a topic replaces the one still
 *   pending, in its place, so a slow socket skips to the newest value and the outbox holds at most one such text
 *   per topic between two ordered messages of that topic;</li>
 *   <li>ordered ({@link #offerOrdered}: fills, topic and feed status, answers, errors, script values): never
 *   replaced; at most {@code capacity} of them wait, beyond that the oldest is dropped and counted.</li>
 * </ul>
 * An ordered message of a topic fences that topic's pending value: a later value queues after it instead of
 * replacing the earlier one, so a socket never sees a value before a status that was sent after it.
 *
 * <p>Drains: the first offer into an idle outbox returns true and the caller starts a drain; until
 * {@link #take()} finds the outbox empty, further offers only queue. So a socket has at most one drain at a time.
 * Thread-safe.
 */
final class Outbox {
    /** A pending message; {@code topic} is set for latest-value slots (whose text may still be replaced). */
    private static final class Slot {
        final String topic;
        String text;

        Slot(String topic, String text) {
            this.topic = topic;
            this.text = text;
        }
    }

    private final int capacity;
    private final SendCounters counters;
    private final ArrayDeque<Slot> queue = new ArrayDeque<>();
    /** topic → its replaceable pending slot. */
    private final Map<String, Slot> replaceable = new HashMap<>();
    private int ordered;
    private boolean draining;
    private boolean closed;

    Outbox(int capacity, SendCounters counters) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.counters = counters;
    }

    /** Queues the newest value of {@code topic}; returns true if the caller must start a drain. */
    synchronized boolean offerLatest(String topic, String text) {
        if (closed) {
            return false;
        }
        Slot pending = replaceable.get(topic);
        if (pending != null) {
            pending.text = text;
            counters.conflated.increment();
            return false;
        }
        Slot s = new Slot(topic, text);
        queue.addLast(s);
        replaceable.put(topic, s);
        return startDrain();
    }

    /**
     * Queues a message that is never replaced; {@code topic} (null for messages about no topic) fences that
     * topic's pending value. Returns true if the caller must start a drain.
     */
    synchronized boolean offerOrdered(String topic, String text) {
        if (closed) {
            return false;
        }
        if (ordered >= capacity) {
            dropOldestOrdered();
        }
        if (topic != null) {
            replaceable.remove(topic);
        }
        queue.addLast(new Slot(null, text));
        ordered++;
        return startDrain();
    }

    private boolean startDrain() {
        if (draining) {
            return false;
        }
        draining = true;
        return true;
    }

    private void dropOldestOrdered() {
        for (Iterator<Slot> it = queue.iterator(); it.hasNext(); ) {
            if (it.next().topic == null) {
                it.remove();
                ordered--;
                counters.dropped.increment();
                return;
            }
        }
    }

    /**
     * Everything pending, oldest first, for the drain to send; an empty list ends the drain (the next offer starts
     * a new one). Always empty once closed.
     */
    synchronized List<String> take() {
        if (queue.isEmpty() || closed) {
            draining = false;
            return List.of();
        }
        List<String> texts = new ArrayList<>(queue.size());
        for (Slot s : queue) {
            texts.add(s.text);
        }
        queue.clear();
        replaceable.clear();
        ordered = 0;
        return texts;
    }

    /** The socket is gone: frees what is pending and refuses everything from now on. */
    synchronized void close() {
        closed = true;
        draining = false;
        queue.clear();
        replaceable.clear();
        ordered = 0;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Messages waiting (for tests). */
    synchronized int pending() {
        return queue.size();
    }
}
