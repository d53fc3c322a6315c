package io.kisbridge.core.internal;

/** A monotonic nanosecond source (System.nanoTime by default) for the rate limiter. */
@FunctionalInterface
public interface Ticker {
    long nanos();

    Ticker SYSTEM = System::nanoTime;
}
