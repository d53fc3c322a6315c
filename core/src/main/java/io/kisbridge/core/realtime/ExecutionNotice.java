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

    /** The positions ExecutionNotice reads, resolved by name once per layout (current 26 or older 23 fields). */
    private record Fields(int customerId, int account, int order, int originalOrder, int side, int correction,
            int orderType, int orderCondition, int code, int quantity, int price, int time, int rejected, int fill,
            int acceptance, int branch, int orderQuantity, int accountName, int instrumentName, int orderPrice) {

        static Fields of(RealtimeSchema s) {
            return new Fields(s.require("CUST_ID"), s.require("ACNT_NO"), s.require("ODER_NO"), s.require("OODER_NO"),
                    s.require("SELN_BYOV_CLS"), s.require("RCTF_CLS"), s.require("ODER_KIND"), s.require("ODER_COND"),
                    s.require("STCK_SHRN_ISCD"), s.require("CNTG_QTY"), s.require("CNTG_UNPR"),
                    s.require("STCK_CNTG_HOUR"), s.require("RFUS_YN"), s.require("CNTG_YN"), s.require("ACPT_YN"),
                    s.require("BRNC_NO"), s.require("ODER_QTY"), s.require("ACNT_NAME"), s.require("CNTG_ISNM40"),
                    s.require("ODER_PRC"));
        }
    }

    public static ExecutionNotice from(RealtimeRecord r) {
        Fields f = r.schema().view(Fields.class, Fields::of);
        String side = r.text(f.side());
        return new ExecutionNotice(
                r.trId(),
                r.text(f.customerId()),
                r.text(f.account()),
                r.text(f.order()),
                r.text(f.originalOrder()),
                "01".equals(side) ? Side.SELL : "02".equals(side) ? Side.BUY : Side.UNKNOWN,
                r.text(f.correction()),
                r.text(f.orderType()),
                r.text(f.orderCondition()),
                r.text(f.code()),
                r.longAt(f.quantity()),
                r.longAt(f.price()),
                r.timeAt(f.time()),
                "1".equals(r.text(f.rejected())),
                "2".equals(r.text(f.fill())),
                r.text(f.acceptance()),
                r.text(f.branch()),
                r.longAt(f.orderQuantity()),
                r.text(f.accountName()),
                r.text(f.instrumentName()),
                r.longAt(f.orderPrice()),
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
