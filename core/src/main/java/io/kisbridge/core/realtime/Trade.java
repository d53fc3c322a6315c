package io.kisbridge.core.realtime;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A realtime trade (H0STCNT0 KRX, H0NXCNT0 NXT, H0UNCNT0 integrated) with the commonly used fields typed; every field by name is in
 * {@link #record()}. Prices and quantities in KRW/shares; decimals NaN when absent; time/date null when
 * absent.
 *
 * @param sign PRDY_VRSS_SIGN: 1 upper limit, 2 up, 3 flat, 4 lower limit, 5 down
 * @param initiator CCLD_DVSN (CNTG_CLS_CODE in the NXT/integrated twins): 1 buy-initiated, 3 pre-market, 5 sell-initiated
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

    /** The positions Trade reads, resolved by name once per layout. */
    private record Fields(int code, int time, int price, int sign, int change, int changeRate, int vwap, int open,
            int high, int low, int ask, int bid, int volume, int cumulativeVolume, int cumulativeValue, int strength,
            int initiator, int businessDate, int halted, int hourClass) {

        static Fields of(RealtimeSchema s) {
            return new Fields(s.require("MKSC_SHRN_ISCD"), s.require("STCK_CNTG_HOUR"), s.require("STCK_PRPR"),
                    s.require("PRDY_VRSS_SIGN"), s.require("PRDY_VRSS"), s.require("PRDY_CTRT"),
                    s.require("WGHN_AVRG_STCK_PRC"), s.require("STCK_OPRC"), s.require("STCK_HGPR"),
                    s.require("STCK_LWPR"), s.require("ASKP1"), s.require("BIDP1"), s.require("CNTG_VOL"),
                    s.require("ACML_VOL"), s.require("ACML_TR_PBMN"), s.require("CTTR"),
                    // KRX names the trade's initiator CCLD_DVSN; the NXT and integrated twins CNTG_CLS_CODE.
                    s.requireAny("CCLD_DVSN", "CNTG_CLS_CODE"), s.require("BSOP_DATE"), s.require("TRHT_YN"),
                    s.require("HOUR_CLS_CODE"));
        }
    }

    /**
     * Reads a trade record of any trade layout (H0STCNT0, H0NXCNT0, H0UNCNT0); a layout lacking one of the fields
     * is an {@link IllegalStateException} naming the field and the TR.
     */
    public static Trade from(RealtimeRecord r) {
        Fields f = r.schema().view(Fields.class, Fields::of);
        return new Trade(
                r.text(f.code()),
                r.timeAt(f.time()),
                r.longAt(f.price()),
                r.text(f.sign()),
                r.longAt(f.change()),
                r.doubleAt(f.changeRate()),
                r.doubleAt(f.vwap()),
                r.longAt(f.open()),
                r.longAt(f.high()),
                r.longAt(f.low()),
                r.longAt(f.ask()),
                r.longAt(f.bid()),
                r.longAt(f.volume()),
                r.longAt(f.cumulativeVolume()),
                r.longAt(f.cumulativeValue()),
                r.doubleAt(f.strength()),
                r.text(f.initiator()),
                r.dateAt(f.businessDate()),
                r.textEquals(f.halted(), "Y"),
                r.text(f.hourClass()),
                r);
    }

    @Override
    public String toString() {
        return "Trade[" + code + " " + time + " " + price + " " + change + " (" + changeRate + "%) vol " + volume + "]";
    }
}
