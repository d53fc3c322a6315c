package io.kisbridge.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What the simulator saw, for tests to assert on. REST counters are kept by the simulator's servers; the
 * WebSocket counters are incremented by the WebSocket gateway through the {@code record...} methods.
 */
public final class Counters {
    private static final long ONE_SECOND_NANOS = 1_000_000_000L;

    private final LongSupplier ticker;
    private final Map<String, AtomicLong> callsByTrId = new ConcurrentHashMap<>();
    private final AtomicLong tokenIssuances = new AtomicLong();
    private final AtomicLong rateLimitRejections = new AtomicLong();
    private final AtomicLong ordersReceived = new AtomicLong();
    private final Map<SimEnvironment, Deque<Long>> windows = new EnumMap<>(SimEnvironment.class);
    private final Map<SimEnvironment, AtomicInteger> maxInSecond = new EnumMap<>(SimEnvironment.class);

    private final AtomicInteger subscriptions = new AtomicInteger();
    private final AtomicLong subscribeRequests = new AtomicLong();
    private final AtomicLong registrationRejections = new AtomicLong();
    private final AtomicLong pongs = new AtomicLong();
    private final AtomicLong pingsAnswered = new AtomicLong();
    private final AtomicLong wsSessionsOpened = new AtomicLong();

    public Counters(LongSupplier ticker) {
        this.ticker = ticker;
        for (SimEnvironment env : SimEnvironment.values()) {
            windows.put(env, new ArrayDeque<>());
            maxInSecond.put(env, new AtomicInteger());
        }
    }

    /** REST calls received with this TR ID header (whatever their outcome). */
    public long calls(String trId) {
        AtomicLong n = callsByTrId.get(trId);
        return n == null ? 0 : n.get();
    }

    public Map<String, Long> callsByTrId() {
        Map<String, Long> copy = new TreeMap<>();
        callsByTrId.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public long tokenIssuances() {
        return tokenIssuances.get();
    }

    /** The most authenticated REST calls seen in any sliding one-second window (monotonic ticker), rejected ones included. */
    public int maxCallsInAnySecond(SimEnvironment env) {
        return maxInSecond.get(env).get();
    }

    public long rateLimitRejections() {
        return rateLimitRejections.get();
    }

    /** order-cash and order-rvsecncl requests that passed validation and reached the order desk. */
    public long ordersReceived() {
        return ordersReceived.get();
    }

    /** Current WebSocket registrations over all sessions. */
    public int subscriptions() {
        return subscriptions.get();
    }

    public long subscribeRequests() {
        return subscribeRequests.get();
    }

    public long registrationRejections() {
        return registrationRejections.get();
    }

    public long pongs() {
        return pongs.get();
    }

    /** Ping frames from clients answered with a pong. */
    public long pingsAnswered() {
        return pingsAnswered.get();
    }

    public long wsSessionsOpened() {
        return wsSessionsOpened.get();
    }

    public synchronized void reset() {
        callsByTrId.clear();
        tokenIssuances.set(0);
        rateLimitRejections.set(0);
        ordersReceived.set(0);
        windows.values().forEach(Deque::clear);
        maxInSecond.values().forEach(m -> m.set(0));
        subscriptions.set(0);
        subscribeRequests.set(0);
        registrationRejections.set(0);
        pongs.set(0);
        pingsAnswered.set(0);
        wsSessionsOpened.set(0);
    }

    // ---- recorders used by the simulator's REST server ----

    public void recordCall(String trId) {
        callsByTrId.computeIfAbsent(trId, k -> new AtomicLong()).incrementAndGet();
    }

    public synchronized void recordWindowCall(SimEnvironment env) {
        long now = ticker.getAsLong();
        Deque<Long> w = windows.get(env);
        w.addLast(now);
        while (!w.isEmpty() && now - w.peekFirst() >= ONE_SECOND_NANOS) {
            w.removeFirst();
        }
        maxInSecond.get(env).accumulateAndGet(w.size(), Math::max);
    }

    public void recordTokenIssuance() {
        tokenIssuances.incrementAndGet();
    }

    public void recordRateLimitRejection() {
        rateLimitRejections.incrementAndGet();
    }

    public void recordOrderReceived() {
        ordersReceived.incrementAndGet();
    }

    // ---- recorders used by the WebSocket gateway ----

    public void recordPingAnswered() {
        pingsAnswered.incrementAndGet();
    }

    /** +1 on a successful registration, -1 on unsubscribe, -n when a session with n registrations closes. */
    public void adjustSubscriptions(int delta) {
        subscriptions.addAndGet(delta);
    }

    public void recordSubscribeRequest() {
        subscribeRequests.incrementAndGet();
    }

    public void recordRegistrationRejection() {
        registrationRejections.incrementAndGet();
    }

    public void recordPong() {
        pongs.incrementAndGet();
    }

    public void recordWsSessionOpened() {
        wsSessionsOpened.incrementAndGet();
    }
}
