package io.kisbridge.simulator.market;

import java.util.List;

/** One trade, with the 46 H0STCNT0 values (reference §8.1) computed consistently from the day's state. */
public record TradeTick(String code, long price, long volume, List<String> h0stcnt0Fields) {
    public TradeTick {
        h0stcnt0Fields = List.copyOf(h0stcnt0Fields);
    }
}
