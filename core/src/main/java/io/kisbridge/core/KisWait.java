package io.kisbridge.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why calls through a client are waiting right now, as the client itself knows it ({@link KisClient#currentWait()}):
 * a caller that gives up on a call (a spreadsheet cell with a deadline) can say why, and how long it may take.
 *
 * @param kind      what is waited for
 * @param remaining about how long until it is over, when the client can tell (the token minute rule, the rate-limit
 *                  queue); empty when it cannot (KIS not answering)
 * @param message   the reason in words a user can act on, e.g. {@code waiting for a new KIS token: KIS grants one a
 *                  minute, ready in about 41 s}; no secrets
 */
public record KisWait(Kind kind, Optional<Duration> remaining, String message) {
    /** What a call waits for, the most telling first. */
    public enum Kind {
        /** A new access token, which KIS grants once a minute (EGW00133). */
        TOKEN,
        /** A request sent to KIS that has not been answered for a while (KIS slow or unreachable). */
        KIS_NOT_ANSWERING,
        /** A place in the client's rate-limit queue (20 calls/s real, 2 calls/s paper per app key). */
        RATE_LIMIT
    }

    public KisWait {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(message, "message");
    }

    /** "about 41 s", rounded up to whole seconds (at least 1). */
    static String about(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        return "about " + s + " s";
    }

    static KisWait token(Duration remaining) {
        return new KisWait(Kind.TOKEN, Optional.of(remaining),
                "waiting for a new KIS token: KIS grants one a minute, ready in " + about(remaining));
    }

    static KisWait notAnswering(Duration waited) {
        return new KisWait(Kind.KIS_NOT_ANSWERING, Optional.empty(),
                "KIS has not answered for " + about(waited).substring("about ".length())
                        + " (unreachable or slow); still trying");
    }

    static KisWait rateLimit(int queued, int perSecond, Duration remaining) {
        return new KisWait(Kind.RATE_LIMIT, Optional.of(remaining), "waiting in the rate-limit queue: " + queued
                + " call" + (queued == 1 ? "" : "s") + " queued, KIS allows " + perSecond
                + " a second for this app key, ready in " + about(remaining));
    }
}
