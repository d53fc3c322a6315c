package io.kisbridge.core;

/** Buy or sell; also the value of order-cash's {@code side} selector. */
public enum OrderSide {
    BUY("buy", "02"), SELL("sell", "01");

    private final String selector;
    private final String kisCode;

    OrderSide(String selector, String kisCode) {
        this.selector = selector;
        this.kisCode = kisCode;
    }

    /** The catalog selector value ({@code buy} / {@code sell}). */
    public String selector() {
        return selector;
    }

    /** KIS's SLL_BUY_DVSN_CD: 01 sell, 02 buy. */
    public String kisCode() {
        return kisCode;
    }

    public static OrderSide fromKisCode(String code) {
        return "01".equals(code == null ? "" : code.strip()) ? SELL : BUY;
    }
}
