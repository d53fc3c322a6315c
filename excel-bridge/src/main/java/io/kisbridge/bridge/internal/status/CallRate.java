package io.kisbridge.bridge.internal.status;

/**
 * KIS calls per second over the last {@code seconds} seconds: a ring of per-second counts fed by samples of a
 * cumulative counter (the rate limiter's permits). A sample at second {@code s} closes second {@code s - 1}: the calls
 * counted since the previous sample are that second's. Seconds without a sample (a pause) count zero. Thread-safe.
 */
public final class CallRate {
    private final long[] counts;
    private long lastSecond = Long.MIN_VALUE;
    private long lastTotal;

    public CallRate(int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("seconds must be positive");
        }
        this.counts = new long[seconds];
    }

    /** Records the cumulative {@code total} seen at the start of {@code epochSecond}. */
    public synchronized void sample(long epochSecond, long total) {
        if (lastSecond == Long.MIN_VALUE) {
            lastSecond = epochSecond;
            lastTotal = total;
            return;
        }
        if (epochSecond <= lastSecond) {
            return; // the same second again (or a clock step back): the count goes to the next sample
        }
        long closed = epochSecond - 1;
        for (long s = Math.max(lastSecond, closed - counts.length + 1); s < closed; s++) {
            counts[slot(s)] = 0;
        }
        counts[slot(closed)] = Math.max(0, total - lastTotal);
        lastSecond = epochSecond;
        lastTotal = total;
    }

    /** The per-second counts, oldest first, ending with the last closed second ({@link Window#endSecond()}). */
    public synchronized Window window() {
        long[] out = new long[counts.length];
        if (lastSecond == Long.MIN_VALUE) {
            return new Window(Long.MIN_VALUE, out);
        }
        long end = lastSecond - 1;
        for (int i = 0; i < out.length; i++) {
            long s = end - out.length + 1 + i;
            out[i] = counts[slot(s)]; // seconds before the first sample map to slots never written: zero
        }
        return new Window(end, out);
    }

    private int slot(long second) {
        return (int) Math.floorMod(second, (long) counts.length);
    }

    /** Counts for the seconds {@code endSecond - counts.length + 1 .. endSecond}. */
    public record Window(long endSecond, long[] counts) {
        public long sum(int lastSeconds) {
            long s = 0;
            for (int i = Math.max(0, counts.length - lastSeconds); i < counts.length; i++) {
                s += counts[i];
            }
            return s;
        }

        public long peak() {
            long p = 0;
            for (long c : counts) {
                p = Math.max(p, c);
            }
            return p;
        }
    }
}
