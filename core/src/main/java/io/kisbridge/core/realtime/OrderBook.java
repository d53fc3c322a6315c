package io.kisbridge.core.realtime;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A realtime 10-level order book (H0STASP0). {@code asks.get(0)} is the best (lowest) ask,
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

    public static OrderBook from(RealtimeRecord r) {
        List<Level> asks = new ArrayList<>(LEVELS);
        List<Level> bids = new ArrayList<>(LEVELS);
        for (int i = 0; i < LEVELS; i++) {
            asks.add(new Level(r.longAt(3 + i), r.longAt(23 + i)));
            bids.add(new Level(r.longAt(13 + i), r.longAt(33 + i)));
        }
        return new OrderBook(
                r.text(0),
                r.timeAt(1),
                r.text(2),
                List.copyOf(asks),
                List.copyOf(bids),
                r.longAt(43),
                r.longAt(44),
                r.longAt(47),
                r.longAt(48),
                r.longAt(53),
                r);
    }

    @Override
    public String toString() {
        return "OrderBook[" + code + " " + time + " ask " + asks.get(0) + " bid " + bids.get(0) + "]";
    }
}
