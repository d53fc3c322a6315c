package io.kisbridge.core.realtime.internal;

import io.kisbridge.core.realtime.PolledPrice;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.core.realtime.TopicState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST fallback for trade topics over the cap: one {@link TopicState#POLLING} topic per period, round-robin,
 * on its own thread so that a slow REST call delays neither the scheduler nor the socket.
 */
public final class RestPoller {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeFeed.class);

    private final Object lock;
    private final TopicRegistry registry;
    private final Function<String, Long> pricer;
    private final Duration period;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final FeedMetrics metrics;
    private ExecutorService executor;
    /** Guarded by the feed lock. */
    private int cursor;

    public RestPoller(Object lock, TopicRegistry registry, Function<String, Long> pricer, Duration period,
            ScheduledExecutorService scheduler, Clock clock, FeedMetrics metrics) {
        this.lock = lock;
        this.registry = registry;
        this.pricer = pricer;
        this.period = period;
        this.scheduler = scheduler;
        this.clock = clock;
        this.metrics = metrics;
    }

    public void start() {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kis-realtime-poller");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, period.toMillis());
        scheduler.scheduleAtFixedRate(() -> executor.execute(this::pollOne), ms, ms, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void pollOne() {
        TopicEntry target = null;
        synchronized (lock) {
            List<TopicEntry> polling = registry.polling();
            if (!polling.isEmpty()) {
                target = polling.get(Math.floorMod(cursor++, polling.size()));
            }
        }
        if (target == null) {
            return;
        }
        try {
            Long price = pricer.apply(target.topic().code());
            metrics.polls().incrementAndGet();
            if (price != null) {
                synchronized (lock) {
                    if (target.state() != TopicState.POLLING) {
                        return;
                    }
                }
                target.publish(new RealtimeEvent.Data(target.topic(), new PolledPrice(target.topic().code(), price,
                        clock.instant()), null));
            }
        } catch (RuntimeException e) {
            metrics.pollFailures().incrementAndGet();
            LOG.debug("realtime: REST poll for {} failed: {}", target.topic(), e.getClass().getSimpleName());
        }
    }
}
