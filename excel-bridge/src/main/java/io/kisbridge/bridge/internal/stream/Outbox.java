package io.kisbridge.bridge.internal.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code /v1/stream} socket has yet to send, in order. Two kinds of message:
 * <ul>
 *   <li>latest-value ({@link #offerLatest}: trade and book data): a newer text for a topic replaces the one still
 *   pending, in its place, so a slow socket skips to the newest value and the outbox holds at most one such text
 *   per topic between two ordered messages of that topic;</li>
 *   <li>ordered ({@link #offerOrdered}: fills, topic and feed status, answers, errors, script values): never
 *   replaced; at most {@code capacity} of them wait, beyond that the oldest is dropped and counted;</li>
 *   <li>every-record ({@link #offerEvery}: trade and book data for a socket that subscribed with
 *   {@code "conflate":false}): never replaced; at most {@code everyCapacity} of them wait. A record that finds the
 *   outbox full is dropped and counted, and the gap is reported once, in its place, as
 *   {@code {"topic":..,"status":"dropped","count":N}}: before the topic's next record, or at the end of the next
 *   take when none comes.</li>
 * </ul>
 * An ordered message of a topic fences that topic's pending value: a later value queues after it instead of
 * replacing the earlier one, so a socket never sees a value before a status that was sent after it.
 *
 * <p>Drains: the first offer into an idle outbox returns true and the caller starts a drain; until
 * {@link #take()} finds the outbox empty, further offers only queue. So a socket has at most one drain at a time.
 * Thread-safe.
 */
final class Outbox {
    /** Every-record messages one socket may have waiting by default. */
    static final int EVERY_CAPACITY = 10_000;

    private enum Kind { LATEST, ORDERED, EVERY, GAP }

    /** A pending message; {@code topic} is set for latest-value slots (whose text may still be replaced). */
    private static final class Slot {
        final Kind kind;
        final String topic;
        String text;

        Slot(Kind kind, String topic, String text) {
            this.kind = kind;
            this.topic = topic;
            this.text = text;
        }
    }

    private final int capacity;
    private final int everyCapacity;
    /** topic → records dropped since its last delivered one (a gap not yet reported), in the order gaps began. */
    private final Map<String, Long> gaps = new LinkedHashMap<>();
    private int every;
    private final SendCounters counters;
    private final ArrayDeque<Slot> queue = new ArrayDeque<>();
    /** topic → its replaceable pending slot. */
    private final Map<String, Slot> replaceable = new HashMap<>();
    private int ordered;
    private boolean draining;
    private boolean closed;

    Outbox(int capacity, SendCounters counters) {
        this(capacity, EVERY_CAPACITY, counters);
    }

    Outbox(int capacity, int everyCapacity, SendCounters counters) {
        if (capacity < 1 || everyCapacity < 1) {
            throw new IllegalArgumentException("capacities must be at least 1, got " + capacity + " and "
                    + everyCapacity);
        }
        this.capacity = capacity;
        this.everyCapacity = everyCapacity;
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
        Slot s = new Slot(Kind.LATEST, topic, text);
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
        queue.addLast(new Slot(Kind.ORDERED, null, text));
        ordered++;
        return startDrain();
    }

    /**
     * Queues one record of {@code topic} for a socket that wants every record, after the report of the topic's
     * gap if records were dropped before it; a full outbox drops it instead (and counts it). Returns true if the
     * caller must start a drain.
     */
    synchronized boolean offerEvery(String topic, String text) {
        if (closed) {
            return false;
        }
        if (every >= everyCapacity) {
            if (gaps.merge(topic, 1L, Long::sum) == 1L) {
                counters.gaps.increment();
            }
            counters.recordsDropped.increment();
            return false;
        }
        Long gap = gaps.remove(topic);
        if (gap != null) {
            queue.addLast(new Slot(Kind.GAP, null, StreamMessages.dropped(topic, gap)));
        }
        queue.addLast(new Slot(Kind.EVERY, null, text));
        every++;
        return startDrain();
    }

    /**
     * {@code count} records of {@code topic} lost before they reached this outbox (the feed's queue in front of the
     * bridge overflowed): reported like the outbox's own gaps, merged with one still open. Returns true if the caller
     * must start a drain.
     */
    synchronized boolean noteDropped(String topic, long count) {
        if (closed || count <= 0) {
            return false;
        }
        if (gaps.merge(topic, count, Long::sum) == count) {
            counters.gaps.increment();
        }
        counters.recordsDropped.add(count);
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
            if (it.next().kind == Kind.ORDERED) {
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
        if ((queue.isEmpty() && gaps.isEmpty()) || closed) {
            draining = false;
            return List.of();
        }
        List<String> texts = new ArrayList<>(queue.size() + gaps.size());
        for (Slot s : queue) {
            texts.add(s.text);
        }
        // the gaps came after everything that waited: report them now rather than wait for the topics' next record
        gaps.forEach((topic, n) -> texts.add(StreamMessages.dropped(topic, n)));
        gaps.clear();
        queue.clear();
        replaceable.clear();
        ordered = 0;
        every = 0;
        return texts;
    }

    /** The socket is gone: frees what is pending and refuses everything from now on. */
    synchronized void close() {
        closed = true;
        draining = false;
        queue.clear();
        replaceable.clear();
        gaps.clear();
        ordered = 0;
        every = 0;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Messages waiting (for tests). */
    synchronized int pending() {
        return queue.size();
    }
}
