package io.kisbridge.core.realtime.internal;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded mailbox in front of one listener, drained on an executor so that the socket thread only ever
 * enqueues. In conflating mode a new data event replaces the pending one (latest wins); other events
 * (status) queue up to the bound, dropping the oldest. A queue given a gap factory reports the data events it
 * dropped: the listener gets one gap event (made from the first event dropped and the count) before the next event
 * it is handed, in the dropped events' place, so a listener that wants every event knows it did not get them.
 */
public final class ListenerQueue<E> {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerQueue.class);

    private final Consumer<? super E> listener;
    private final Executor executor;
    private final int capacity;
    private final boolean conflate;
    private final Predicate<? super E> isData;
    private final AtomicLong dropped;
    private final AtomicLong conflated;
    private final BiFunction<? super E, Long, ? extends E> gapEvent;
    private final ArrayDeque<E> queue = new ArrayDeque<>();
    private E firstDropped;
    private long droppedSinceDelivery;
    private boolean draining;
    private volatile boolean closed;

    public ListenerQueue(Consumer<? super E> listener, Executor executor, int capacity, boolean conflate,
            Predicate<? super E> isData, AtomicLong dropped, AtomicLong conflated) {
        this(listener, executor, capacity, conflate, isData, dropped, conflated, null);
    }

    /** As above; {@code gapEvent} (null for none) makes the event that reports dropped data events. */
    public ListenerQueue(Consumer<? super E> listener, Executor executor, int capacity, boolean conflate,
            Predicate<? super E> isData, AtomicLong dropped, AtomicLong conflated,
            BiFunction<? super E, Long, ? extends E> gapEvent) {
        this.gapEvent = gapEvent;
        this.listener = listener;
        this.executor = executor;
        this.capacity = Math.max(1, capacity);
        this.conflate = conflate;
        this.isData = isData;
        this.dropped = dropped;
        this.conflated = conflated;
    }

    public void offer(E event) {
        if (closed) {
            return;
        }
        boolean schedule;
        synchronized (this) {
            if (conflate && isData.test(event)) {
                for (Iterator<E> it = queue.iterator(); it.hasNext(); ) {
                    if (isData.test(it.next())) {
                        it.remove();
                        conflated.incrementAndGet();
                        break;
                    }
                }
            }
            if (queue.size() >= capacity) {
                E oldest = queue.pollFirst();
                dropped.incrementAndGet();
                if (gapEvent != null && isData.test(oldest)) {
                    if (droppedSinceDelivery++ == 0) {
                        firstDropped = oldest;
                    }
                }
            }
            queue.addLast(event);
            schedule = !draining;
            draining = true;
        }
        if (schedule) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                synchronized (this) {
                    draining = false;
                }
            }
        }
    }

    private void drain() {
        while (true) {
            E next;
            synchronized (this) {
                if (droppedSinceDelivery > 0 && !closed) {
                    next = gapEvent.apply(firstDropped, droppedSinceDelivery);
                    droppedSinceDelivery = 0;
                    firstDropped = null;
                } else {
                    next = queue.pollFirst();
                }
                if (next == null || closed) {
                    draining = false;
                    queue.clear();
                    return;
                }
            }
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("realtime listener threw {}; the feed goes on", e.toString());
            }
        }
    }

    public void close() {
        closed = true;
    }

    public synchronized int pending() {
        return queue.size();
    }
}
