package io.kisbridge.core.realtime.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * {@code min(max, initial * 2^n)}. The jitter source is injected so tests are deterministic.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** Delay before attempt {@code attempt} (0-based). */
    public Duration delay(int attempt) {
        long cap = max.toMillis();
        long base = initial.toMillis();
        long exp = attempt >= 62 ? cap : Math.min(cap, base << Math.min(attempt, 30));
        if (exp < 0) {
            exp = cap;
        }
        double r = Math.max(0, Math.min(1, random.getAsDouble()));
        return Duration.ofMillis(exp / 2 + Math.round(exp / 2.0 * r));
    }
}
