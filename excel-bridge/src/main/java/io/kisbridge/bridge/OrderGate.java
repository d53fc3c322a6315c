package io.kisbridge.bridge;

import io.kisbridge.core.OrderResult;
import io.kisbridge.core.OrderSide;

/**
 * Orders placed on the bridge's behalf by something other than {@code POST /v1/orders} (scripts), through the same
 * desk: refused while trading is disarmed or over the {@link OrderLimits}, and recorded in the idempotency store
 * before anything is sent, so one key never becomes a second order.
 */
public interface OrderGate {
    /** The order (or the earlier one with the same key, {@code replayed}). */
    record Placed(OrderResult result, boolean replayed) {
    }

    /**
     * @param price 0 = market order (valued at the current price for the limits)
     * @throws BridgeException refused before sending (disarmed: FORBIDDEN; limits and bad input: BAD_INPUT), or
     *                         whatever KIS answered
     */
    Placed place(String idempotencyKey, OrderSide side, String code, long quantity, long price);

    boolean armed();

    OrderLimits limits();
}
