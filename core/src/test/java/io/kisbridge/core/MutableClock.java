package io.kisbridge.core;

import io.kisbridge.core.internal.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A settable clock for unit tests, with a sleeper that advances it and records the waits. */
final class MutableClock extends Clock {
    private volatile Instant now;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    MutableClock(Instant start) {
        this.now = start;
    }

    synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    Sleeper sleeper() {
        return d -> {
            sleeps.add(d);
            advance(d);
        };
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
