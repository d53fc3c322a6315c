package io.kisbridge.simulator.account;

import java.util.function.Consumer;

/** Hook for the WebSocket gateway: execution notices (acceptances, modifies, cancels, fills) of both demo accounts. */
public interface ExecutionFeed {
    /** Listeners are called outside the simulator's lock. */
    AutoCloseable onNotice(Consumer<ExecutionNotice> listener);
}
