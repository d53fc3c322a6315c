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
 */
public record SimulatorContext(Clock clock, MarketFeed marketFeed, ExecutionFeed executionFeed,
                               ApprovalKeys approvalKeys, Counters counters, Duration pingInterval,
                               int maxRegistrations, String host, Map<SimEnvironment, Integer> wsPorts,
                               Map<SimEnvironment, DemoCredentials> credentials) {

    public int wsPort(SimEnvironment env) {
        return wsPorts.getOrDefault(env, 0);
    }

    public DemoCredentials credentials(SimEnvironment env) {
        return credentials.get(env);
    }
}
