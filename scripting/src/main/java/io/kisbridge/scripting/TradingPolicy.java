package io.kisbridge.scripting;

/**
 * Whether scripts may place orders, and within what limits. Disarmed by default: {@code kis.buy/sell} are refused
 * before any request is made.
 *
 * @param armed            orders are allowed at all
 * @param maxOrderValue    largest quantity × price of one order in KRW (market orders are valued at the current price)
 * @param maxOrdersPerRun  orders one script run may place
 */
public record TradingPolicy(boolean armed, long maxOrderValue, int maxOrdersPerRun) {
    public TradingPolicy {
        if (maxOrderValue <= 0 || maxOrdersPerRun <= 0) {
            throw new IllegalArgumentException("order limits must be positive");
        }
    }

    public static TradingPolicy disarmed() {
        return new TradingPolicy(false, 1, 1);
    }

    public static TradingPolicy armed(long maxOrderValue, int maxOrdersPerRun) {
        return new TradingPolicy(true, maxOrderValue, maxOrdersPerRun);
    }
}
