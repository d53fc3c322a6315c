package io.kisbridge.core.realtime;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A realtime trade (H0STCNT0) with the commonly used fields typed; every field by name is in
 * {@link #record()}. Prices and quantities in KRW/shares; decimals NaN when absent; time/date null when
 * absent.
 *
 * @param sign PRDY_VRSS_SIGN: 1 upper limit, 2 up, 3 flat, 4 lower limit, 5 down
 * @param initiator CCLD_DVSN: 1 buy-initiated, 3 pre-market, 5 sell-initiated
 */
public record Trade(
        String code,
        LocalTime time,
        long price,
        String sign,
        long change,
        double changeRate,
        double vwap,
        long open,
        long high,
        long low,
        long bestAsk,
        long bestBid,
        long volume,
        long cumulativeVolume,
        long cumulativeValue,
        double strength,
        String initiator,
        LocalDate businessDate,
        boolean halted,
        String hourClass,
        RealtimeRecord record) {

    public static Trade from(RealtimeRecord r) {
        return new Trade(
                r.text(0),
                r.timeAt(1),
                r.longAt(2),
                r.text(3),
                r.longAt(4),
                r.doubleAt(5),
                r.doubleAt(6),
                r.longAt(7),
                r.longAt(8),
                r.longAt(9),
                r.longAt(10),
                r.longAt(11),
                r.longAt(12),
                r.longAt(13),
                r.longAt(14),
                r.doubleAt(18),
                r.text(21),
                r.dateAt(33),
                r.textEquals(35, "Y"),
                r.text(43),
                r);
    }

    @Override
    public String toString() {
        return "Trade[" + code + " " + time + " " + price + " " + change + " (" + changeRate + "%) vol " + volume + "]";
    }
}
