package io.kisbridge.bridge;

import io.kisbridge.core.KisClient;
import io.kisbridge.core.realtime.RealtimeFeed;
import java.util.function.Supplier;

/**
 * What the bridge lends its {@link ScriptHost}: the same client, the bridge's realtime feed (started on first use,
 * shared with /v1/stream), the board scripts publish to ({@code =KIS.SCRIPT(name)}, topic {@code script:NAME}) and
 * the bridge's order gate (arming, limits, idempotency store).
 */
public record ScriptServices(KisClient client, Supplier<RealtimeFeed> feed, ScriptBoard board, OrderGate orders) {
}
