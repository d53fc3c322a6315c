package io.kisbridge.simulator.market;

/** KRX price rules (reference §10): tick sizes since 2023-01-25 and the ±30 % daily limits. */
public final class PriceRules {
    private PriceRules() {}

    public static long tickSize(long price) {
        if (price < 2_000) return 1;
        if (price < 5_000) return 5;
        if (price < 20_000) return 10;
        if (price < 50_000) return 50;
        if (price < 200_000) return 100;
        if (price < 500_000) return 500;
        return 1_000;
    }

    public static boolean isOnTick(long price) {
        return price > 0 && price % tickSize(price) == 0;
    }

    /** Rounds down onto the tick grid. */
    public static long floorToTick(long price) {
        long t = tickSize(price);
        return Math.max(1, price / t * t);
    }

    /** Rounds up onto the tick grid. */
    public static long ceilToTick(long price) {
        long t = tickSize(price);
        long f = price / t * t;
        return f == price ? price : f + t;
    }

    public static long upTick(long price) {
        return price + tickSize(price);
    }

    public static long downTick(long price) {
        return Math.max(1, price - tickSize(price - 1));
    }

    /** Width of the daily limit: base × 0.30 truncated to the base price's tick size (rstc_wdth_prc). */
    public static long limitWidth(long base) {
        long t = tickSize(base);
        return base * 30 / 100 / t * t;
    }

    /**
     * Upper limit (stck_mxpr) = base + width. Not in the reference: when that sum falls off its own tick grid
     * (it can cross into a larger tick band) it is also truncated, as KRX does, so an order at the limit is valid.
     */
    public static long upperLimit(long base) {
        return floorToTick(base + limitWidth(base));
    }

    /** Lower limit (stck_llam) = base − width, rounded up onto its own tick grid when needed. */
    public static long lowerLimit(long base) {
        return ceilToTick(Math.max(1, base - limitWidth(base)));
    }
}
