package io.kisbridge.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for tests (also reachable over HTTP under {@code /__sim/faults/...} on each REST port).
 * Faults apply to both environments.
 */
public final class Faults {

    /** What the faults act on; implemented by the simulator. */
    public interface Targets {
        void expireTokens();

        void invalidateTokens();

        void dropWebSocketSessions();

        void sendRawFrame(SimEnvironment env, String frame);

        void answerWebSocketPings(boolean answer);
    }

    private final Targets targets;
    private final AtomicInteger rateLimitNext = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    public Faults(Targets targets) {
        this.targets = targets;
    }

    /** Every issued access token is expired now: the next use answers EGW00123 (and a new token may be issued at once). */
    public void expireTokens() {
        targets.expireTokens();
    }

    /** Every issued access token becomes unknown: the next use answers EGW00121. */
    public void invalidateTokens() {
        targets.invalidateTokens();
    }

    /** The next {@code n} authenticated REST calls answer EGW00201 whatever the real rate. */
    public void rateLimitNext(int n) {
        rateLimitNext.set(Math.max(0, n));
    }

    /** Every REST answer is delayed by this much ({@link Duration#ZERO} to stop). */
    public void delayResponses(Duration d) {
        delay = Objects.requireNonNull(d);
    }

    public void dropWebSocketSessions() {
        targets.dropWebSocketSessions();
    }

    /** Sends this text as-is (malformed, truncated...) to every open WebSocket session of the environment. */
    public void sendRawFrame(SimEnvironment env, String frame) {
        targets.sendRawFrame(env, frame);
    }

    /**
     * While on, the WebSocket gateways leave ping frames unanswered (no pong), like a connection that died without
     * a close: a client's keepalive must notice and reconnect.
     */
    public void ignoreWebSocketPings(boolean ignore) {
        targets.answerWebSocketPings(!ignore);
    }

    /** Clears the rate-limit, delay and ignored-ping faults. */
    public void reset() {
        rateLimitNext.set(0);
        delay = Duration.ZERO;
        targets.answerWebSocketPings(true);
    }

    // ---- read by the simulator's servers ----

    /** True (and one fewer pending) when the current call must be refused with EGW00201. */
    public boolean consumeRateLimitFault() {
        return rateLimitNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    public int pendingRateLimitFaults() {
        return rateLimitNext.get();
    }

    public Duration delay() {
        return delay;
    }
}
