package io.kisbridge.simulator.internal;

import io.kisbridge.simulator.Counters;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.SimEnvironment;
import io.kisbridge.simulator.account.ExecutionFeed;
import io.kisbridge.simulator.auth.ApprovalKeys;
import io.kisbridge.simulator.market.MarketFeed;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the WebSocket gateway needs from the simulator.
 *
 * @param wsPorts requested WebSocket port per environment (0 = ephemeral)
 * @param tradeBatchWindow H0STCNT0 records of one session within this window go out as one frame; zero = each trade
 *     is sent at once in a frame of its own
 */
public record SimulatorContext(Clock clock, MarketFeed marketFeed, ExecutionFeed executionFeed,
                               ApprovalKeys approvalKeys, Counters counters, Duration pingInterval,
                               int maxRegistrations, String host, Map<SimEnvironment, Integer> wsPorts,
                               Map<SimEnvironment, DemoCredentials> credentials, Duration tradeBatchWindow) {

    /** With the default trade batching window (20 ms). */
    public SimulatorContext(Clock clock, MarketFeed marketFeed, ExecutionFeed executionFeed,
                            ApprovalKeys approvalKeys, Counters counters, Duration pingInterval,
                            int maxRegistrations, String host, Map<SimEnvironment, Integer> wsPorts,
                            Map<SimEnvironment, DemoCredentials> credentials) {
        this(clock, marketFeed, executionFeed, approvalKeys, counters, pingInterval, maxRegistrations, host, wsPorts,
                credentials, DEFAULT_TRADE_BATCH_WINDOW);
    }

    /** What KIS does: trades reaching a session close together share one batched frame ("0|H0STCNT0|004|..."). */
    public static final Duration DEFAULT_TRADE_BATCH_WINDOW = Duration.ofMillis(20);

    public int wsPort(SimEnvironment env) {
        return wsPorts.getOrDefault(env, 0);
    }

    public DemoCredentials credentials(SimEnvironment env) {
        return credentials.get(env);
    }
}
