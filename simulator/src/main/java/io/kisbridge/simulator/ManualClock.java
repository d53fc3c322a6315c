package io.kisbridge.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock tests move by hand: business time of the simulator (sessions, token expiry, the 1-minute token rule). */
public final class ManualClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    public ManualClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private ManualClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start);
        this.zone = zone;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
        notifyAll();
    }

    public synchronized void set(Instant instant) {
        now = Objects.requireNonNull(instant);
        notifyAll();
    }

    /**
     * Blocks until the clock has been moved to {@code target} or later (by another thread's {@link #advance} or
     * {@link #set}). A sleeper built on it ({@code d -> clock.awaitInstant(clock.instant().plus(d))}) makes a wait
     * last until the test moves time, so a test can look at what happens during the wait.
     */
    public synchronized void awaitInstant(Instant target) throws InterruptedException {
        while (now.isBefore(target)) {
            wait();
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        ManualClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return newZone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
