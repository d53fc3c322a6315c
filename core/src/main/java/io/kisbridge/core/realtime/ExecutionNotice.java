package io.kisbridge.core.realtime;

import java.time.LocalTime;

/**
 * A realtime execution notice (H0STCNI0 real / H0STCNI9 paper), current 26-field or older 23-field
 * layout. {@link #isFill()} distinguishes fills (CNTG_YN 2) from order/modify/cancel/reject notices
 * (CNTG_YN 1); in the latter {@code quantity}/{@code price} carry the order quantity/price.
 * {@link #toString()} masks the account number and holder name.
 */
public record ExecutionNotice(
        String trId,
        String customerId,
        String accountNumber,
        String orderNumber,
        String originalOrderNumber,
        Side side,
        String correction,
        String orderType,
        String orderCondition,
        String code,
        long quantity,
        long price,
        LocalTime time,
        boolean rejected,
        boolean fill,
        String acceptance,
        String branch,
        long orderQuantity,
        String accountName,
        String instrumentName,
        long orderPrice,
        RealtimeRecord record) {

    public enum Side { SELL, BUY, UNKNOWN }

    public static ExecutionNotice from(RealtimeRecord r) {
        String side = r.text(4);
        return new ExecutionNotice(
                r.trId(),
                r.text(0),
                r.text(1),
                r.text(2),
                r.text(3),
                "01".equals(side) ? Side.SELL : "02".equals(side) ? Side.BUY : Side.UNKNOWN,
                r.text(5),
                r.text(6),
                r.text(7),
                r.text(8),
                r.longAt(9),
                r.longAt(10),
                r.timeAt(11),
                "1".equals(r.text(12)),
                "2".equals(r.text(13)),
                r.text(14),
                r.text(15),
                r.longAt(16),
                r.text(17),
                r.text(r.schema().indexOf("CNTG_ISNM40")),
                r.longAt(r.schema().indexOf("ODER_PRC")),
                r);
    }

    public boolean isFill() {
        return fill;
    }

    @Override
    public String toString() {
        return "ExecutionNotice[" + trId + " order " + orderNumber + " " + side + " " + code + " " + quantity + "@" + price
                + (fill ? " FILL" : " NOTICE") + (rejected ? " REJECTED" : "") + ", account ***]";
    }
}
