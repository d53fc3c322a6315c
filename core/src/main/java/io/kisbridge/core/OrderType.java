package io.kisbridge.core;

/** ORD_DVSN codes (reference §9.2). {@link #hasPrice()} false means ORD_UNPR is sent as "0". */
public enum OrderType {
    LIMIT("00", true),
    MARKET("01", false),
    CONDITIONAL_LIMIT("02", true),
    BEST_LIMIT("03", false),
    TOP_PRIORITY_LIMIT("04", false),
    PRE_MARKET_CLOSING_PRICE("05", false),
    POST_MARKET_CLOSING_PRICE("06", false),
    AFTER_HOURS_SINGLE_PRICE("07", true),
    IOC_LIMIT("11", true),
    FOK_LIMIT("12", true),
    IOC_MARKET("13", false),
    FOK_MARKET("14", false),
    IOC_BEST("15", false),
    FOK_BEST("16", false),
    MID_PRICE("21", false),
    STOP_LIMIT("22", true),
    MID_PRICE_IOC("23", false),
    MID_PRICE_FOK("24", false);

    private final String code;
    private final boolean hasPrice;

    OrderType(String code, boolean hasPrice) {
        this.code = code;
        this.hasPrice = hasPrice;
    }

    public String code() {
        return code;
    }

    public boolean hasPrice() {
        return hasPrice;
    }
}
