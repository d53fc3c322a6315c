package io.kisbridge.simulator.account;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Queues notices produced under the lock and hands them to listeners once it is released. */
public final class NoticeBus implements ExecutionFeed {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeBus.class);
    private final List<Consumer<ExecutionNotice>> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<ExecutionNotice> pending = new ConcurrentLinkedQueue<>();

    @Override
    public AutoCloseable onNotice(Consumer<ExecutionNotice> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(ExecutionNotice n) {
        pending.add(n);
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    public void flush() {
        ExecutionNotice n;
        while ((n = pending.poll()) != null) {
            for (Consumer<ExecutionNotice> l : listeners) {
                try {
                    l.accept(n);
                } catch (RuntimeException e) {
                    LOG.warn("execution notice listener failed", e);
                }
            }
        }
    }
}
