package io.kisbridge.simulator.market;

import java.util.List;

/** A 10-level order book with the 59 H0STASP0 values (reference §8.2); the totals are the sums of the levels. */
public record BookSnapshot(String code, List<Long> askPrices, List<Long> bidPrices, List<Long> askQuantities,
                           List<Long> bidQuantities, List<String> h0stasp0Fields) {
    public BookSnapshot {
        askPrices = List.copyOf(askPrices);
        bidPrices = List.copyOf(bidPrices);
        askQuantities = List.copyOf(askQuantities);
        bidQuantities = List.copyOf(bidQuantities);
        h0stasp0Fields = List.copyOf(h0stasp0Fields);
    }

    public long totalAsk() {
        return askQuantities.stream().mapToLong(Long::longValue).sum();
    }

    public long totalBid() {
        return bidQuantities.stream().mapToLong(Long::longValue).sum();
    }
}
