package io.kisbridge.bridge.internal.cache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Identical concurrent requests share one load (single flight); a finished value is reused for {@code ttl}.
 * Failures the {@code cacheFailure} predicate accepts (e.g. "unknown code") are remembered as long as values;
 * others (rate limits, timeouts) are forgotten at once so the next request tries again.
 *
 * <p>With a stale window (stale-while-revalidate), a value that expired less than {@code staleFor} ago is still
 * answered at once while one refresh runs in the background, but only for a key that was asked within the last TTL:
 * one in demand (a recalculation storm, many cells or clients on one code), where waiting would pile requests up
 * behind the refresh. A key asked less often than once per TTL (a sheet polled every 10 s) gets a fresh load, so a
 * poller never sees the value of its previous poll. The refreshed value replaces the stale one when it lands. A
 * refresh that fails for a passing reason keeps the old value (the next request tries again) until the stale window
 * ends. Only values are served stale, never failures.
 */
public final class SingleFlightCache<K, V> {
    private record Entry<V>(CompletableFuture<V> future, long loadedAt, AtomicBoolean refreshing,
                            AtomicLong lastAsked) {
        Entry(CompletableFuture<V> future, long loadedAt) {
            this(future, loadedAt, new AtomicBoolean(), new AtomicLong(loadedAt));
        }

        boolean holdsValue() {
            return future.isDone() && !future.isCompletedExceptionally();
        }
    }

    /** Above this many entries, expired ones are swept on the next load (a long-running bridge sees many keys). */
    static final int SWEEP_ABOVE = 10_000;

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final long staleNanos;
    private final LongSupplier nanoTime;
    private final Predicate<Throwable> cacheFailure;
    private final Executor refresher;

    /** A cache without a stale window: an expired value is never answered. */
    public SingleFlightCache(Duration ttl, LongSupplier nanoTime, Predicate<Throwable> cacheFailure) {
        this(ttl, Duration.ZERO, Runnable::run, nanoTime, cacheFailure);
    }

    /** A cache that answers a value up to {@code staleFor} past its TTL while {@code refresher} refreshes it. */
    public SingleFlightCache(Duration ttl, Duration staleFor, Executor refresher, LongSupplier nanoTime,
                             Predicate<Throwable> cacheFailure) {
        this.ttlNanos = ttl.toNanos();
        this.staleNanos = staleFor.toNanos();
        this.refresher = refresher;
        this.nanoTime = nanoTime;
        this.cacheFailure = cacheFailure;
    }

    /** The cached or in-flight value for {@code key}, or the result of {@code loader} run in this thread. */
    public V get(K key, Supplier<V> loader) {
        return join(getAsync(key, loader, Runnable::run));
    }

    /**
     * As {@link #get} without blocking: the cached, stale or in-flight value's future, or a new load run on
     * {@code executor}. A caller that stops waiting for the future leaves the load running: its value lands in the
     * cache for the next request.
     */
    public CompletableFuture<V> getAsync(K key, Supplier<V> loader, Executor executor) {
        while (true) {
            Entry<V> e = entries.get(key);
            if (e != null && !expired(e)) {
                noteAsked(e);
                return e.future();
            }
            if (e != null && servableStale(e)) {
                noteAsked(e);
                if (e.refreshing().compareAndSet(false, true)) {
                    startRefresh(key, e, loader);
                }
                return e.future();
            }
            if (entries.size() > SWEEP_ABOVE) {
                entries.values().removeIf(x -> expired(x) && !servableStale(x));
            }
            Entry<V> fresh = new Entry<>(new CompletableFuture<>(), Long.MAX_VALUE);
            boolean won = e == null ? entries.putIfAbsent(key, fresh) == null : entries.replace(key, e, fresh);
            if (!won) {
                continue;
            }
            try {
                executor.execute(() -> load(key, fresh, loader)); // a failure lands in the future
            } catch (RejectedExecutionException closing) {
                entries.remove(key, fresh);
                fresh.future().completeExceptionally(closing);
            }
            return fresh.future();
        }
    }

    /** Runs the loader for the in-flight entry {@code fresh}, then caches (or forgets) and completes it. */
    private void load(K key, Entry<V> fresh, Supplier<V> loader) {
        CompletableFuture<V> mine = fresh.future();
        try {
            V v = loader.get();
            entries.replace(key, fresh, new Entry<>(mine, nanoTime.getAsLong()));
            mine.complete(v);
        } catch (RuntimeException | Error t) {
            if (cacheFailure.test(t)) {
                entries.replace(key, fresh, new Entry<>(mine, nanoTime.getAsLong()));
            } else {
                entries.remove(key, fresh);
            }
            mine.completeExceptionally(t);
        }
    }

    private void startRefresh(K key, Entry<V> stale, Supplier<V> loader) {
        try {
            refresher.execute(() -> refresh(key, stale, loader));
        } catch (RejectedExecutionException closing) {
            stale.refreshing().set(false);
        }
    }

    private void refresh(K key, Entry<V> stale, Supplier<V> loader) {
        try {
            V v = loader.get();
            Entry<V> fresh = new Entry<>(CompletableFuture.completedFuture(v), nanoTime.getAsLong());
            fresh.lastAsked().set(stale.lastAsked().get());
            entries.replace(key, stale, fresh);
        } catch (RuntimeException | Error t) {
            if (cacheFailure.test(t)) {
                entries.replace(key, stale, new Entry<>(CompletableFuture.failedFuture(t), nanoTime.getAsLong()));
            } else {
                stale.refreshing().set(false);
            }
        }
    }

    public void invalidateAll() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private boolean expired(Entry<V> e) {
        return e.loadedAt() != Long.MAX_VALUE && nanoTime.getAsLong() - e.loadedAt() >= ttlNanos;
    }

    /** Records a request; written at most every TTL/8 per key, so that hot keys are not one contended store each. */
    private void noteAsked(Entry<V> e) {
        if (staleNanos > 0) {
            long now = nanoTime.getAsLong();
            if (now - e.lastAsked().get() > ttlNanos / 8) {
                e.lastAsked().set(now);
            }
        }
    }

    private boolean servableStale(Entry<V> e) {
        long now = nanoTime.getAsLong();
        return staleNanos > 0 && e.holdsValue() && now - e.loadedAt() < ttlNanos + staleNanos
                && now - e.lastAsked().get() < ttlNanos;
    }

    private static <V> V join(CompletableFuture<V> f) {
        try {
            return f.join();
        } catch (CompletionException ce) {
            if (ce.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (ce.getCause() instanceof Error err) {
                throw err;
            }
            throw ce;
        }
    }
}
