package io.kisbridge.core.internal;

import java.time.Duration;

/**
 * Waits that are part of the protocol (the one-token-per-minute rule, EGW00201 backoff). Tests inject one that
 * advances a ManualClock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
        }
    };
}
