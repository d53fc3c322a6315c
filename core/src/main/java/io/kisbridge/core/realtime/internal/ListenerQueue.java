package io.kisbridge.core.realtime.internal;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded mailbox in front of one listener, drained on an executor so that the socket thread only ever
 * enqueues. In conflating mode a new data event replaces the pending one (latest wins); other events
 * (status) queue up to the bound, dropping the oldest.
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
    private final ArrayDeque<E> queue = new ArrayDeque<>();
    private boolean draining;
    private volatile boolean closed;

    public ListenerQueue(Consumer<? super E> listener, Executor executor, int capacity, boolean conflate,
            Predicate<? super E> isData, AtomicLong dropped, AtomicLong conflated) {
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
                queue.pollFirst();
                dropped.incrementAndGet();
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
                next = queue.pollFirst();
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
