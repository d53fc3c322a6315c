package io.kisbridge.simulator.account;

import java.time.LocalTime;

/** One order line of the day (new, modify or cancel), as the daily-executions inquiry lists it. */
public final class Order {
    public enum Kind { NEW, MODIFY, CANCEL }

    public final String odno;
    public final String orgnOdno;
    public final String branch;
    public final Kind kind;
    public final boolean buy;
    public final String ordDvsn;
    public final String code;
    public final String name;
    public final long qty;
    public final long price;
    public final LocalTime time;
    long filledQty;
    long filledAmount;
    /** Quantity taken away from this order by later modify/cancel orders. */
    long withdrawnQty;
    /** Resting price actually used for matching (a market order's remainder rests at the limit price). */
    long restingPrice;

    Order(String odno, String orgnOdno, String branch, Kind kind, boolean buy, String ordDvsn, String code, String name,
          long qty, long price, LocalTime time) {
        this.odno = odno;
        this.orgnOdno = orgnOdno;
        this.branch = branch;
        this.kind = kind;
        this.buy = buy;
        this.ordDvsn = ordDvsn;
        this.code = code;
        this.name = name;
        this.qty = qty;
        this.price = price;
        this.time = time;
        this.restingPrice = price;
    }

    /** Unfilled quantity that is still live (0 for cancel lines). */
    public long remaining() {
        return kind == Kind.CANCEL ? 0 : qty - filledQty - withdrawnQty;
    }

    public long filledQty() {
        return filledQty;
    }

    public long filledAmount() {
        return filledAmount;
    }

    public long withdrawnQty() {
        return withdrawnQty;
    }

    public long averageFillPrice() {
        return filledQty == 0 ? 0 : filledAmount / filledQty;
    }

    public boolean market() {
        return "01".equals(ordDvsn) || "13".equals(ordDvsn) || "14".equals(ordDvsn);
    }

    /** ODER_COND of the notice: 0 none, 1 IOC, 2 FOK. */
    public String condition() {
        return switch (ordDvsn) {
            case "11", "13", "15" -> "1";
            case "12", "14", "16" -> "2";
            default -> "0";
        };
    }

    /** ord_dvsn_name of the inquiries. */
    public String ordDvsnName() {
        return switch (ordDvsn) {
            case "01" -> "시장가";
            case "03" -> "최유리지정가";
            case "04" -> "최우선지정가";
            case "11" -> "IOC지정가";
            case "12" -> "FOK지정가";
            case "13" -> "IOC시장가";
            case "14" -> "FOK시장가";
            case "15" -> "IOC최유리";
            case "16" -> "FOK최유리";
            default -> "지정가";
        };
    }
}
