package io.kisbridge.simulator.market;

import java.util.List;
import java.util.function.Consumer;

/** Hook for the WebSocket gateway: live trades and order books of the simulated market. */
public interface MarketFeed {
    /** Listeners are called outside the market lock, on the thread that moved the market. */
    AutoCloseable onTrade(Consumer<TradeTick> listener);

    AutoCloseable onBook(Consumer<BookSnapshot> listener);

    boolean isKnownCode(String code);

    /** Current 10-level book of a known code. */
    BookSnapshot book(String code);

    /** The H0STCNT0 fields of a known code as they stand now (a snapshot for a fresh subscriber). */
    List<String> currentTradeFields(String code);

    /** Whether a known code is listed on KOSDAQ (else KOSPI). */
    boolean isKosdaq(String code);

    /** Every listed code. */
    List<String> codes();
}
