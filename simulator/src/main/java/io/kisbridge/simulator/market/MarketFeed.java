package io.kisbridge.simulator.market;

import java.util.function.Consumer;

/** Hook for the WebSocket gateway: live trades and order books of the simulated market. */
public interface MarketFeed {
    /** Listeners are called outside the market lock, on the thread that moved the market. */
    AutoCloseable onTrade(Consumer<TradeTick> listener);

    AutoCloseable onBook(Consumer<BookSnapshot> listener);

    boolean isKnownCode(String code);

    /** Current 10-level book of a known code. */
    BookSnapshot book(String code);
}
