package io.kisbridge.simulator.rest;

import io.javalin.Javalin;
import io.kisbridge.simulator.Counters;
import io.kisbridge.simulator.Faults;
import io.kisbridge.simulator.SimEnvironment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fault/counter API over HTTP for standalone use, mounted under {@code /__sim} on each REST port. */
public final class FaultApi {
    private final SimEnvironment env;
    private final Faults faults;
    private final Counters counters;

    public FaultApi(SimEnvironment env, Faults faults, Counters counters) {
        this.env = env;
        this.faults = faults;
        this.counters = counters;
    }

    void register(Javalin app) {
        app.post("/__sim/faults/expire-tokens", ctx -> done(ctx, () -> faults.expireTokens()));
        app.post("/__sim/faults/invalidate-tokens", ctx -> done(ctx, () -> faults.invalidateTokens()));
        app.post("/__sim/faults/rate-limit", ctx -> done(ctx,
                () -> faults.rateLimitNext(Integer.parseInt(ctx.queryParamAsClass("next", String.class).getOrDefault("1")))));
        app.post("/__sim/faults/delay", ctx -> done(ctx,
                () -> faults.delayResponses(Duration.ofMillis(Long.parseLong(ctx.queryParamAsClass("ms", String.class).getOrDefault("0"))))));
        app.post("/__sim/faults/drop-ws", ctx -> done(ctx, () -> faults.dropWebSocketSessions()));
        app.post("/__sim/faults/raw-frame", ctx -> done(ctx, () -> faults.sendRawFrame(env, ctx.body())));
        app.post("/__sim/faults/ignore-pings", ctx -> done(ctx, () -> faults.ignoreWebSocketPings(
                !"false".equalsIgnoreCase(ctx.queryParamAsClass("on", String.class).getOrDefault("true")))));
        app.post("/__sim/faults/reset", ctx -> done(ctx, () -> faults.reset()));
        app.post("/__sim/counters/reset", ctx -> done(ctx, () -> counters.reset()));
        app.get("/__sim/counters", ctx -> RestServer.json(ctx, 200, snapshot()));
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("callsByTrId", counters.callsByTrId());
        m.put("tokenIssuances", counters.tokenIssuances());
        Map<String, Object> max = new LinkedHashMap<>();
        for (SimEnvironment e : SimEnvironment.values()) max.put(e.name(), counters.maxCallsInAnySecond(e));
        m.put("maxCallsInAnySecond", max);
        m.put("rateLimitRejections", counters.rateLimitRejections());
        m.put("ordersReceived", counters.ordersReceived());
        m.put("subscriptions", counters.subscriptions());
        m.put("subscribeRequests", counters.subscribeRequests());
        m.put("registrationRejections", counters.registrationRejections());
        m.put("pongs", counters.pongs());
        m.put("pings_answered", counters.pingsAnswered());
        m.put("wsSessionsOpened", counters.wsSessionsOpened());
        m.put("pendingRateLimitFaults", faults.pendingRateLimitFaults());
        m.put("delayMillis", faults.delay().toMillis());
        return m;
    }

    private static void done(io.javalin.http.Context ctx, Runnable action) {
        try {
            action.run();
            RestServer.json(ctx, 200, Map.of("ok", true));
        } catch (NumberFormatException e) {
            RestServer.json(ctx, 400, Map.of("ok", false, "error", "bad number: " + e.getMessage()));
        }
    }
}
