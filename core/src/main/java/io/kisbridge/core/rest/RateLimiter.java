package io.kisbridge.core.rest;

import io.kisbridge.core.internal.Ticker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps calls under KIS's per-app-key limit (20/s real, 2/s paper) however many threads call at once.
 *
 * <p>Two rules, both measured on a monotonic {@link Ticker}:
 * <ol>
 *   <li>Spacing: permits are handed out at least {@code window / N} apart, so traffic is smooth, never a burst.</li>
 *   <li>Sliding window with delayed return: a permit counts from the moment it is taken until one window after the
 *       call <em>finished</em>. At most N permits count at once. KIS sees a request somewhere between our send and
 *       our receipt of its answer, so N+1 arrivals inside any window would need a permit taken less than a window
 *       after an earlier call finished — which this rule forbids. Network jitter and slow answers therefore cannot
 *       push the server's count above N.</li>
 * </ol>
 * The window is one second plus a safety margin.
 *
 * <p>KIS counts per app key, and one JVM may hold several clients with the same key (the bridge and a script,
 * tests): {@link #shared} keeps one limiter per app-key id and environment in a static registry so all of them
 * draw from the same budget. It is the only static state in the client; it holds no secrets (the key id is a hash).
 */
public final class RateLimiter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RateLimiter.class);
    public static final Duration DEFAULT_WINDOW = Duration.ofMillis(1100);

    private static final Map<String, RateLimiter> SHARED = new ConcurrentHashMap<>();

    private final int permits;
    private final long windowNanos;
    private final long spacingNanos;
    private final Ticker ticker;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Long> recentReleases = new ArrayDeque<>();
    private int inFlight;
    /** Callers inside {@link #acquire()} that have not got their permit yet. */
    private int queued;
    private long nextStart = Long.MIN_VALUE;
    private final java.util.concurrent.atomic.AtomicLong granted = new java.util.concurrent.atomic.AtomicLong();

    public RateLimiter(int permitsPerWindow, Duration window, Ticker ticker) {
        if (permitsPerWindow <= 0) {
            throw new IllegalArgumentException("permitsPerWindow must be positive");
        }
        this.permits = permitsPerWindow;
        this.windowNanos = window.toNanos();
        this.spacingNanos = windowNanos / permitsPerWindow;
        this.ticker = ticker;
    }

    /** The limiter shared by every client of this app key (id = hash) and environment in the JVM. */
    public static RateLimiter shared(String keyId, String environment, int perSecond) {
        RateLimiter limiter = SHARED.computeIfAbsent(environment + ":" + keyId,
                k -> new RateLimiter(perSecond, DEFAULT_WINDOW, Ticker.SYSTEM));
        if (limiter.permits != perSecond) {
            // KIS counts per app key, so the first client's budget stays the one budget for that key.
            LOG.warn("Another client of this app key already limits {} calls to {}/s; keeping that instead of {}/s",
                    environment, limiter.permits, perSecond);
        }
        return limiter;
    }

    public int permitsPerWindow() {
        return permits;
    }

    /** Permits handed out since this limiter was made: the calls sent under it (a status page samples it). */
    public long permitsGranted() {
        return granted.get();
    }

    /** Calls waiting for a permit now. */
    public int queued() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    /**
     * About how long a call queued now would wait: the queue ahead of it at the permit spacing (the sliding window
     * can add to that when calls are slow to finish). Zero when nobody waits.
     */
    public Duration estimatedQueueWait() {
        return Duration.ofNanos(spacingNanos * queued());
    }

    /** Blocks until a call may start; close the permit when its answer (or failure) has arrived. */
    public Permit acquire() throws InterruptedException {
        lock.lockInterruptibly();
        queued++;
        try {
            while (true) {
                long now = ticker.nanos();
                while (!recentReleases.isEmpty() && now - recentReleases.peekFirst() >= windowNanos) {
                    recentReleases.pollFirst();
                }
                long waitNanos;
                if (inFlight + recentReleases.size() >= permits) {
                    // Full: wait for the oldest released permit to leave the window, or for a call to finish.
                    waitNanos = recentReleases.isEmpty() ? TimeUnit.MILLISECONDS.toNanos(50)
                            : windowNanos - (now - recentReleases.peekFirst());
                } else if (nextStart != Long.MIN_VALUE && now - nextStart < 0) {
                    waitNanos = nextStart - now;
                } else {
                    queued--;
                    inFlight++;
                    granted.incrementAndGet();
                    nextStart = now + spacingNanos;
                    return new Permit(now);
                }
                try {
                    changed.awaitNanos(Math.max(waitNanos, 100_000));
                } catch (InterruptedException e) {
                    queued--;
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void release() {
        lock.lock();
        try {
            inFlight--;
            recentReleases.addLast(ticker.nanos());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** One call's permission; {@link #close()} records when the call finished. */
    public final class Permit implements AutoCloseable {
        private final long grantedAt;
        private boolean closed;

        private Permit(long grantedAt) {
            this.grantedAt = grantedAt;
        }

        public long grantedAt() {
            return grantedAt;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release();
            }
        }
    }
}
