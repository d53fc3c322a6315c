package io.kisbridge.bridge;

import java.time.Instant;
import java.util.List;

/**
 * What the function set did since the bridge started, for {@code GET /v1/status}.
 *
 * @param hits           calls answered without a load of their own: from the cache (fresh or stale) or by joining an
 *                       identical call already loading (single flight)
 * @param loads          calls that ran their function (a KIS call, or a batched price)
 * @param recentFailures the latest distinct failing calls, newest last (at most {@link #RECENT_FAILURES})
 */
public record FunctionStats(long hits, long loads, List<Failure> recentFailures) {
    public static final int RECENT_FAILURES = 50;

    public FunctionStats {
        recentFailures = List.copyOf(recentFailures);
    }

    /** Share of calls answered without a load, 0 when nothing was called yet. */
    public double hitRate() {
        long all = hits + loads;
        return all == 0 ? 0 : (double) hits / all;
    }

    /**
     * One failing call as a cell shows it.
     *
     * @param call  e.g. {@code PRICE(99999X)}
     * @param cell  e.g. {@code #VALUE! KIS MCA05918 종목코드 오류입니다.}
     * @param kind  the error kind of {@code internal.ErrorMapping} ({@code bad_input}, {@code rate_limited}, ...)
     * @param count how often this call failed this way (repeats move it to the end)
     */
    public record Failure(Instant at, String call, String cell, String kind, long count) {
    }
}
