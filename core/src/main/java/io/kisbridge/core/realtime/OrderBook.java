package io.kisbridge.core.realtime;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A realtime 10-level order book (H0STASP0 KRX, H0NXASP0 NXT, H0UNASP0 integrated). {@code asks.get(0)} is the best (lowest) ask,
 * {@code bids.get(0)} the best (highest) bid. Every field by name is in {@link #record()}.
 */
public record OrderBook(
        String code,
        LocalTime time,
        String hourClass,
        List<Level> asks,
        List<Level> bids,
        long totalAskQuantity,
        long totalBidQuantity,
        long expectedPrice,
        long expectedQuantity,
        long cumulativeVolume,
        RealtimeRecord record) {

    public static final int LEVELS = 10;

    /** One price level. */
    public record Level(long price, long quantity) {
    }

    /** The positions OrderBook reads, resolved by name once per layout. */
    private record Fields(int code, int time, int hourClass, int[] askPrice, int[] bidPrice, int[] askQuantity,
            int[] bidQuantity, int totalAsk, int totalBid, int expectedPrice, int expectedQuantity, int volume) {

        static Fields of(RealtimeSchema s) {
            int[] ap = new int[LEVELS];
            int[] bp = new int[LEVELS];
            int[] aq = new int[LEVELS];
            int[] bq = new int[LEVELS];
            for (int i = 0; i < LEVELS; i++) {
                ap[i] = s.require("ASKP" + (i + 1));
                bp[i] = s.require("BIDP" + (i + 1));
                aq[i] = s.require("ASKP_RSQN" + (i + 1));
                bq[i] = s.require("BIDP_RSQN" + (i + 1));
            }
            return new Fields(s.require("MKSC_SHRN_ISCD"), s.require("BSOP_HOUR"), s.require("HOUR_CLS_CODE"), ap, bp,
                    aq, bq, s.require("TOTAL_ASKP_RSQN"), s.require("TOTAL_BIDP_RSQN"), s.require("ANTC_CNPR"),
                    s.require("ANTC_CNQN"), s.require("ACML_VOL"));
        }
    }

    /**
     * Reads a book record of any 10-level book layout (H0STASP0, H0NXASP0, H0UNASP0); a layout lacking one of the
     * fields is an {@link IllegalStateException} naming the field and the TR.
     */
    public static OrderBook from(RealtimeRecord r) {
        Fields f = r.schema().view(Fields.class, Fields::of);
        List<Level> asks = new ArrayList<>(LEVELS);
        List<Level> bids = new ArrayList<>(LEVELS);
        for (int i = 0; i < LEVELS; i++) {
            asks.add(new Level(r.longAt(f.askPrice()[i]), r.longAt(f.askQuantity()[i])));
            bids.add(new Level(r.longAt(f.bidPrice()[i]), r.longAt(f.bidQuantity()[i])));
        }
        return new OrderBook(
                r.text(f.code()),
                r.timeAt(f.time()),
                r.text(f.hourClass()),
                List.copyOf(asks),
                List.copyOf(bids),
                r.longAt(f.totalAsk()),
                r.longAt(f.totalBid()),
                r.longAt(f.expectedPrice()),
                r.longAt(f.expectedQuantity()),
                r.longAt(f.volume()),
                r);
    }

    @Override
    public String toString() {
        return "OrderBook[" + code + " " + time + " ask " + asks.get(0) + " bid " + bids.get(0) + "]";
    }
}
