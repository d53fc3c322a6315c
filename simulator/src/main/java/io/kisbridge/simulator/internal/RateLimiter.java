package io.kisbridge.simulator.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per app key sliding one-second window on a monotonic ticker (not the business clock). Refused calls do not enter
 * the window, so a client that backs off recovers within a second.
 */
public final class RateLimiter {
    private static final long WINDOW = 1_000_000_000L;
    private final LongSupplier ticker;
    private final Map<String, Deque<Long>> windows = new HashMap<>();

    public RateLimiter(LongSupplier ticker) {
        this.ticker = ticker;
    }

    public synchronized boolean tryAcquire(String appKey, int perSecond) {
        long now = ticker.getAsLong();
        Deque<Long> w = windows.computeIfAbsent(appKey, k -> new ArrayDeque<>());
        while (!w.isEmpty() && now - w.peekFirst() >= WINDOW) {
            w.removeFirst();
        }
        if (w.size() >= perSecond) {
            return false;
        }
        w.addLast(now);
        return true;
    }

    public synchronized void reset() {
        windows.clear();
    }
}
