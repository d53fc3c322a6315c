package io.kisbridge.simulator.account;

/** A position of the demo account. */
public final class Holding {
    public final String code;
    public final String name;
    long qty;
    long purchaseAmount;
    final long previousDayQty;
    long boughtToday;
    long soldToday;

    Holding(String code, String name, long qty, long purchaseAmount) {
        this.code = code;
        this.name = name;
        this.qty = qty;
        this.purchaseAmount = purchaseAmount;
        this.previousDayQty = qty;
    }

    public long qty() {
        return qty;
    }

    public long purchaseAmount() {
        return purchaseAmount;
    }

    public double averagePrice() {
        return qty == 0 ? 0 : (double) purchaseAmount / qty;
    }

    public long boughtToday() {
        return boughtToday;
    }

    public long soldToday() {
        return soldToday;
    }
}
