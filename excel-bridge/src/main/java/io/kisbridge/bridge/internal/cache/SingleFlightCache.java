package io.kisbridge.bridge.internal.cache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Identical concurrent requests share one load (single flight); a finished value is reused for {@code ttl}.
 * Failures the {@code cacheFailure} predicate accepts (e.g. "unknown code") are remembered as long as values;
 * others (rate limits, timeouts) are forgotten at once so the next request tries again.
 */
public final class SingleFlightCache<K, V> {
    private record Entry<V>(CompletableFuture<V> future, long loadedAt) {
    }

    /** Above this many entries, expired ones are swept on the next load (a long-running bridge sees many keys). */
    static final int SWEEP_ABOVE = 10_000;

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Predicate<Throwable> cacheFailure;

    public SingleFlightCache(Duration ttl, LongSupplier nanoTime, Predicate<Throwable> cacheFailure) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.cacheFailure = cacheFailure;
    }

    /** The cached or in-flight value for {@code key}, or the result of {@code loader} run in this thread. */
    public V get(K key, Supplier<V> loader) {
        while (true) {
            Entry<V> e = entries.get(key);
            if (e != null && !expired(e)) {
                return join(e.future());
            }
            if (entries.size() > SWEEP_ABOVE) {
                entries.values().removeIf(this::expired);
            }
            CompletableFuture<V> mine = new CompletableFuture<>();
            Entry<V> fresh = new Entry<>(mine, Long.MAX_VALUE);
            boolean won = e == null ? entries.putIfAbsent(key, fresh) == null : entries.replace(key, e, fresh);
            if (!won) {
                continue;
            }
            try {
                V v = loader.get();
                entries.replace(key, fresh, new Entry<>(mine, nanoTime.getAsLong()));
                mine.complete(v);
                return v;
            } catch (RuntimeException | Error t) {
                if (cacheFailure.test(t)) {
                    entries.replace(key, fresh, new Entry<>(mine, nanoTime.getAsLong()));
                } else {
                    entries.remove(key, fresh);
                }
                mine.completeExceptionally(t);
                throw t;
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
