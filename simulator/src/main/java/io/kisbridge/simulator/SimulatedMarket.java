package io.kisbridge.simulator;

import io.kisbridge.simulator.market.BookSnapshot;
import io.kisbridge.simulator.market.DailyBar;
import io.kisbridge.simulator.market.MarketEngine;
import io.kisbridge.simulator.market.Quote;
import io.kisbridge.simulator.market.Stock;
import io.kisbridge.simulator.market.TradeTick;
import java.time.LocalDate;
import java.util.List;

/** The simulated KRX market, for tests and the demo: move prices by hand and read them. */
public final class SimulatedMarket {
    private final MarketEngine engine;

    SimulatedMarket(MarketEngine engine) {
        this.engine = engine;
    }

    /** The codes of the universe: the 57 real ones (005930, 000660, 035420, ...), then any synthetic extras. */
    public List<String> codes() {
        return engine.universe().stocks().stream().map(Stock::code).toList();
    }

    public String name(String code) {
        return engine.universe().stock(code).map(Stock::name).orElseThrow(() -> new IllegalArgumentException(code));
    }

    /** One random-walk trade (moves by up to two ticks within the daily limits); resting orders it crosses fill. */
    public TradeTick tick(String code) {
        return engine.tick(code);
    }

    public void tickAll() {
        engine.tickAll();
    }

    /** A trade at this price (snapped to the tick grid, clamped to the limits): lets tests cross resting orders. */
    public TradeTick tradeAt(String code, long price, long volume) {
        return engine.tradeAt(code, price, volume);
    }

    public long lastPrice(String code) {
        return engine.lastPrice(code);
    }

    public Quote quote(String code) {
        return engine.quote(code);
    }

    public BookSnapshot book(String code) {
        return engine.book(code);
    }

    /** Daily bars before today, oldest first (about five years of trading days). */
    public List<DailyBar> history(String code) {
        return engine.history(code);
    }

    /** The simulated trading day (KST date of the clock at start-up). */
    public LocalDate tradeDate() {
        return engine.tradeDate();
    }

    public boolean isOpen() {
        return engine.isOpen();
    }

    /** Internal engine, for the simulator's own packages. */
    public MarketEngine engine() {
        return engine;
    }
}
