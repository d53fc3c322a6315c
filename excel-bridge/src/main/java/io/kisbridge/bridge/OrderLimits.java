package io.kisbridge.bridge;

/**
 * Order limits enforced by the bridge before anything reaches KIS (amounts in KRW; market orders are valued at
 * the current price).
 */
public record OrderLimits(long maxQuantityPerOrder, long maxAmountPerOrder, long maxOrdersPerDay,
                          long maxAmountPerDay) {
    public static final OrderLimits DEFAULTS = new OrderLimits(1_000, 10_000_000L, 50, 50_000_000L);

    public OrderLimits {
        if (maxQuantityPerOrder <= 0 || maxAmountPerOrder <= 0 || maxOrdersPerDay <= 0 || maxAmountPerDay <= 0) {
            throw new IllegalArgumentException("order limits must be positive");
        }
    }
}
