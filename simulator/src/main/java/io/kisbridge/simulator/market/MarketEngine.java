package io.kisbridge.simulator.market;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The simulated KRX market: per symbol a seeded daily history (generated lazily, backwards from a seeded anchor),
 * today's minute bars up to start-up, then a random walk on the tick grid within the daily limits, and a 10-level
 * book consistent with the last trade. All state sits behind one lock, shared with the accounts; listeners are
 * called after the lock is released.
 *
 * <p>The simulated trading day is the KST date of the clock at start-up (it does not roll over at midnight).
 */
public final class MarketEngine implements MarketFeed {
    static final int HISTORY_YEARS = 5;
    private static final int STEPS_PER_MINUTE = 4;

    private final long seed;
    private final Clock clock;
    private final boolean alwaysOpen;
    private final ReentrantLock lock;
    private final LocalDate tradeDate;
    private final Map<String, StockState> states = new HashMap<>();
    private final Map<String, List<DailyBar>> histories = new HashMap<>();
    private final List<Consumer<TradeTick>> tradeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<BookSnapshot>> bookListeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();
    private final List<Runnable> flushHooks = new CopyOnWriteArrayList<>();
    private final List<java.util.function.BooleanSupplier> hookBacklogs = new CopyOnWriteArrayList<>();
    private final ReentrantLock dispatchLock = new ReentrantLock();
    private volatile java.util.function.BiConsumer<String, Long> crossObserver = (c, p) -> { };

    private final Universe universe;

    public MarketEngine(long seed, Clock clock, boolean alwaysOpen, ReentrantLock lock) {
        this(seed, clock, alwaysOpen, lock, Universe.standard());
    }

    public MarketEngine(long seed, Clock clock, boolean alwaysOpen, ReentrantLock lock, Universe universe) {
        this.universe = universe;
        this.seed = seed;
        this.clock = clock;
        this.alwaysOpen = alwaysOpen;
        this.lock = lock;
        this.tradeDate = ZonedDateTime.now(clock.withZone(TradingCalendar.KST)).toLocalDate();
    }

    /** The names this market lists. */
    public Universe universe() {
        return universe;
    }

    public LocalDate tradeDate() {
        return tradeDate;
    }

    public LocalTime now() {
        return ZonedDateTime.now(clock.withZone(TradingCalendar.KST)).toLocalTime().truncatedTo(ChronoUnit.SECONDS);
    }

    public boolean alwaysOpen() {
        return alwaysOpen;
    }

    /** In regular session (09:00–15:30 KST on a trading day), or always when the demo switch is on. */
    public boolean isOpen() {
        if (alwaysOpen) return true;
        LocalTime t = now();
        return TradingCalendar.isTradingDay(tradeDate) && !t.isBefore(TradingCalendar.OPEN) && t.isBefore(TradingCalendar.CLOSE);
    }

    public ReentrantLock lock() {
        return lock;
    }

    // ---------------------------------------------------------------- MarketFeed

    @Override
    public AutoCloseable onTrade(Consumer<TradeTick> listener) {
        tradeListeners.add(listener);
        return () -> tradeListeners.remove(listener);
    }

    @Override
    public AutoCloseable onBook(Consumer<BookSnapshot> listener) {
        bookListeners.add(listener);
        return () -> bookListeners.remove(listener);
    }

    @Override
    public boolean isKnownCode(String code) {
        return code != null && universe.stock(code).isPresent();
    }

    @Override
    public BookSnapshot book(String code) {
        return locked(() -> state(code).bookSnapshot());
    }

    @Override
    public List<String> currentTradeFields(String code) {
        return locked(() -> state(code).tradeFields(now(), 1, true));
    }

    @Override
    public boolean isKosdaq(String code) {
        return universe.stock(code).map(Stock::kosdaq).orElse(false);
    }

    @Override
    public List<String> codes() {
        return universe.stocks().stream().map(Stock::code).toList();
    }

    // ---------------------------------------------------------------- queries

    public Quote quote(String code) {
        return locked(() -> state(code).quote());
    }

    public long lastPrice(String code) {
        return locked(() -> state(code).last);
    }

    /** Trading days before today, oldest first (about five years). */
    public List<DailyBar> history(String code) {
        return locked(() -> Collections.unmodifiableList(historyOf(code)));
    }

    /** History plus today's bar when something traded today, oldest first. */
    public List<DailyBar> dailyBarsWithToday(String code) {
        return locked(() -> {
            List<DailyBar> all = new ArrayList<>(historyOf(code));
            StockState s = state(code);
            if (s.volume > 0) {
                all.add(new DailyBar(tradeDate, s.open, s.high, s.low, s.last, s.volume, s.value, s.base));
            }
            return all;
        });
    }

    /** Today's minute bars, oldest first. */
    public List<MinuteBar> minuteBars(String code) {
        return locked(() -> new ArrayList<>(state(code).minutes.values()));
    }

    // ---------------------------------------------------------------- moving the market

    /** One random-walk trade of this symbol (ignores the session clock: tests call it explicitly). */
    public TradeTick tick(String code) {
        return lockedThenFlush(() -> {
            StockState s = state(code);
            return s.randomTrade(now());
        });
    }

    /** One random trade on each of a few symbols, only while the market is open (the auto-tick timer). */
    public void tickSome(int n) {
        if (!isOpen()) return;
        lockedThenFlush(() -> {
            List<Stock> all = universe.stocks();
            Random r = new Random(System.nanoTime());
            for (int i = 0; i < n; i++) {
                state(all.get(r.nextInt(all.size())).code()).randomTrade(now());
            }
            return null;
        });
    }

    public void tickAll() {
        lockedThenFlush(() -> {
            for (Stock st : universe.stocks()) {
                state(st.code()).randomTrade(now());
            }
            return null;
        });
    }

    /** A trade at exactly this price (clamped to the daily limits, snapped to the tick grid): lets tests cross resting orders. */
    public TradeTick tradeAt(String code, long price, long volume) {
        return lockedThenFlush(() -> {
            StockState s = state(code);
            long p = Math.max(s.lower, Math.min(s.upper, PriceRules.floorToTick(price)));
            boolean buy = p >= s.last;
            return s.trade(now(), p, Math.max(1, volume), buy, true, true);
        });
    }

    /**
     * Takes liquidity from the book for a user order: sweeps ask levels (buy) or bid levels (sell) while the price is
     * within {@code limit} (0 = market order: any level). With {@code impact} each consumed level becomes a trade and
     * leaves the book; without (paper trading mirrors the real market without moving it) the book is only read.
     * Returns the fills as {price, qty}. Call with the lock held; events are dispatched by {@link #flush()} later.
     */
    public List<long[]> takeLiquidity(String code, boolean buy, long limit, long qty, boolean impact) {
        StockState s = state(code);
        List<long[]> fills = new ArrayList<>();
        long remaining = qty;
        for (int i = 0; i < 10 && remaining > 0; i++) {
            long price = buy ? s.askP[i] : s.bidP[i];
            long avail = buy ? s.askQ[i] : s.bidQ[i];
            if (price <= 0 || avail <= 0) break;
            if (limit > 0 && (buy ? price > limit : price < limit)) break;
            long q = Math.min(remaining, avail);
            remaining -= q;
            fills.add(new long[] {price, q});
            if (impact) {
                if (buy) s.askQ[i] -= q; else s.bidQ[i] -= q;
                s.trade(now(), price, q, buy, false, true);
            }
        }
        if (impact && !fills.isEmpty()) {
            s.rebuildBook();
            pending.add(s.bookSnapshot());
        }
        return fills;
    }

    /** Called under the lock after every random-walk or {@link #tradeAt} trade: the accounts fill resting orders. */
    public void setCrossObserver(java.util.function.BiConsumer<String, Long> observer) {
        this.crossObserver = observer;
    }

    /** Runs after each flush, outside the lock (the execution-notice bus flushes itself here). */
    public void addFlushHook(Runnable hook) {
        flushHooks.add(hook);
    }

    /**
     * Dispatches queued events, unless the current thread still holds the market lock. One thread dispatches at a
     * time, in production order; a thread that finds another one dispatching leaves its events to it.
     */
    public void flush() {
        if (lock.isHeldByCurrentThread()) return;
        do {
            if (!dispatchLock.tryLock()) return;
            try {
                flushHooks.forEach(Runnable::run);
                Object e;
                while ((e = pending.poll()) != null) {
                    if (e instanceof TradeTick t) {
                        for (Consumer<TradeTick> l : tradeListeners) safe(l, t);
                    } else if (e instanceof BookSnapshot b) {
                        for (Consumer<BookSnapshot> l : bookListeners) safe(l, b);
                    }
                }
            } finally {
                dispatchLock.unlock();
            }
        } while (!pending.isEmpty() || pendingHooks());
    }

    private boolean pendingHooks() {
        for (java.util.function.BooleanSupplier p : hookBacklogs) {
            if (p.getAsBoolean()) return true;
        }
        return false;
    }

    /** Lets the flush loop see events queued by a hook's owner (the notice bus) after it looked. */
    public void addFlushBacklog(java.util.function.BooleanSupplier hasPending) {
        hookBacklogs.add(hasPending);
    }

    /** Quantity the book offers to a buyer (asks) or seller (bids) at prices within {@code limit} (0 = any). */
    public long availableLiquidity(String code, boolean buy, long limit) {
        return locked(() -> {
            StockState s = state(code);
            long total = 0;
            for (int i = 0; i < 10; i++) {
                long price = buy ? s.askP[i] : s.bidP[i];
                if (price <= 0 || limit > 0 && (buy ? price > limit : price < limit)) break;
                total += buy ? s.askQ[i] : s.bidQ[i];
            }
            return total;
        });
    }

    private static <T> void safe(Consumer<T> l, T v) {
        try {
            l.accept(v);
        } catch (RuntimeException ex) {
            org.slf4j.LoggerFactory.getLogger(MarketEngine.class).warn("market listener failed", ex);
        }
    }

    private <T> T locked(java.util.function.Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    private <T> T lockedThenFlush(java.util.function.Supplier<T> body) {
        try {
            return locked(body);
        } finally {
            flush();
        }
    }

    // ---------------------------------------------------------------- generation

    private StockState state(String code) {
        StockState s = states.get(code);
        if (s == null) {
            Stock st = universe.stock(code).orElseThrow(() -> new IllegalArgumentException("unknown code " + code));
            s = new StockState(st);
            states.put(code, s);
        }
        return s;
    }

    private Random rng(String code, int salt) {
        return new Random(seed * 1_000_003L + Long.parseLong(code.replaceAll("\\D", "0")) * 31 + salt);
    }

    private long anchorClose(Stock st) {
        Random r = rng(st.code(), 1);
        return PriceRules.floorToTick(Math.round(st.level() * (1 + 0.03 * r.nextGaussian())));
    }

    private long averageVolume(Stock st) {
        return Math.max(10_000, st.listedShares() / 1000);
    }

    private List<DailyBar> historyOf(String code) {
        List<DailyBar> h = histories.get(code);
        if (h != null) return h;
        Stock st = universe.stock(code).orElseThrow(() -> new IllegalArgumentException("unknown code " + code));
        Random r = rng(code, 2);
        LocalDate start = tradeDate.minusYears(HISTORY_YEARS);
        List<DailyBar> backwards = new ArrayList<>();
        long close = anchorClose(st);
        long avgVol = averageVolume(st);
        for (LocalDate d = TradingCalendar.previousTradingDay(tradeDate); !d.isBefore(start);
                d = TradingCalendar.previousTradingDay(d)) {
            double ret = Math.max(-0.2, Math.min(0.2, r.nextGaussian() * 0.018));
            long prev = PriceRules.floorToTick(Math.max(100, Math.round(close / (1 + ret))));
            long up = PriceRules.upperLimit(prev);
            long lo = PriceRules.lowerLimit(prev);
            long c = Math.max(lo, Math.min(up, close));
            long open = clampTick(prev * (1 + r.nextGaussian() * 0.006), lo, up);
            long high = clampTick(Math.max(open, c) * (1 + Math.abs(r.nextGaussian()) * 0.008), lo, up);
            long low = clampTick(Math.min(open, c) * (1 - Math.abs(r.nextGaussian()) * 0.008), lo, up);
            high = Math.max(high, Math.max(open, c));
            low = Math.min(low, Math.min(open, c));
            long vol = Math.max(100, Math.round(avgVol * Math.exp(r.nextGaussian() * 0.4)));
            long value = vol * ((open + high + low + c) / 4);
            backwards.add(new DailyBar(d, open, high, low, c, vol, value, prev));
            close = prev;
        }
        Collections.reverse(backwards);
        histories.put(code, backwards);
        return backwards;
    }

    private static long clampTick(double v, long lo, long up) {
        long p = PriceRules.floorToTick(Math.max(1, Math.round(v)));
        return Math.max(lo, Math.min(up, p));
    }

    /** One symbol's live day. */
    private final class StockState {
        final Stock stock;
        final Random rng;
        final long base;
        final long upper;
        final long lower;
        final long prevDayVolume;
        final long avgTradeVolume;
        long open;
        long high;
        long low;
        long last;
        LocalTime openTime = LocalTime.of(9, 0);
        LocalTime highTime = openTime;
        LocalTime lowTime = openTime;
        // Only keeps trade times monotonic; midnight so an always-open market stamps pre-09:00 trades truthfully.
        LocalTime lastTime = LocalTime.MIDNIGHT;
        long volume;
        long value;
        long sellCount;
        long buyCount;
        long sellVolume;
        long buyVolume;
        boolean lastBuy = true;
        final long[] askP = new long[10];
        final long[] bidP = new long[10];
        final long[] askQ = new long[10];
        final long[] bidQ = new long[10];
        long prevTotalAsk;
        long prevTotalBid;
        final NavigableMap<LocalTime, MinuteBar> minutes = new TreeMap<>();

        StockState(Stock stock) {
            this.stock = stock;
            List<DailyBar> h = historyOf(stock.code());
            DailyBar y = h.get(h.size() - 1);
            this.base = y.close();
            this.prevDayVolume = y.volume();
            this.upper = PriceRules.upperLimit(base);
            this.lower = PriceRules.lowerLimit(base);
            this.rng = rng(stock.code(), 3);
            this.avgTradeVolume = Math.max(1, averageVolume(stock) / (390 * STEPS_PER_MINUTE));
            this.open = base;
            this.high = base;
            this.low = base;
            this.last = base;
            rebuildBook();
            prevTotalAsk = sum(askQ);
            prevTotalBid = sum(bidQ);
            replayTodayUntilNow();
        }

        private void replayTodayUntilNow() {
            LocalTime now = now();
            LocalTime from;
            LocalTime to;
            if (!now.isBefore(TradingCalendar.OPEN)) {
                from = TradingCalendar.OPEN;
                to = alwaysOpen || now.isBefore(TradingCalendar.CLOSE) ? now : TradingCalendar.CLOSE;
            } else if (alwaysOpen) {
                from = now.minusMinutes(Math.min(120, now.toSecondOfDay() / 60)).truncatedTo(ChronoUnit.MINUTES);
                to = now;
            } else {
                return;
            }
            if (!TradingCalendar.isTradingDay(tradeDate) && !alwaysOpen) return;
            for (LocalTime m = from.truncatedTo(ChronoUnit.MINUTES); m.isBefore(to.truncatedTo(ChronoUnit.MINUTES));
                    m = m.plusMinutes(1)) {
                for (int i = 0; i < STEPS_PER_MINUTE; i++) {
                    randomTradeQuiet(m.plusSeconds(i * (60 / STEPS_PER_MINUTE) + rng.nextInt(60 / STEPS_PER_MINUTE)));
                }
                if (m.equals(LocalTime.of(23, 59))) break;
            }
        }

        void randomTradeQuiet(LocalTime t) {
            step(t, false);
        }

        TradeTick randomTrade(LocalTime t) {
            return step(t, true);
        }

        private TradeTick step(LocalTime t, boolean publish) {
            long p = last;
            if (volume == 0) {
                p = PriceRules.floorToTick(Math.round(base * (1 + rng.nextGaussian() * 0.005)));
            } else {
                double u = rng.nextDouble();
                int k = u < 0.08 ? -2 : u < 0.33 ? -1 : u < 0.67 ? 0 : u < 0.92 ? 1 : 2;
                for (int i = 0; i < Math.abs(k); i++) {
                    p = k > 0 ? PriceRules.upTick(p) : PriceRules.downTick(p);
                }
            }
            p = Math.max(lower, Math.min(upper, p));
            boolean buy = p > last || (p == last && rng.nextBoolean());
            long vol = Math.max(1, Math.round(avgTradeVolume * Math.exp(rng.nextGaussian() * 0.6)));
            return trade(t, p, vol, buy, true, publish);
        }

        TradeTick trade(LocalTime t, long price, long vol, boolean buy, boolean rebuild, boolean publish) {
            if (t.isBefore(lastTime)) t = lastTime;
            if (volume == 0) {
                open = high = low = price;
                openTime = highTime = lowTime = t;
            }
            if (price > high) {
                high = price;
                highTime = t;
            }
            if (price < low) {
                low = price;
                lowTime = t;
            }
            last = price;
            lastTime = t;
            lastBuy = buy;
            volume += vol;
            value += price * vol;
            if (buy) {
                buyCount++;
                buyVolume += vol;
            } else {
                sellCount++;
                sellVolume += vol;
            }
            LocalTime minute = t.truncatedTo(ChronoUnit.MINUTES);
            MinuteBar m = minutes.get(minute);
            minutes.put(minute, m == null
                    ? new MinuteBar(minute, price, price, price, price, vol, value)
                    : new MinuteBar(minute, m.open(), Math.max(m.high(), price), Math.min(m.low(), price), price,
                            m.volume() + vol, value));
            if (rebuild) {
                rebuildBook();
            }
            if (!publish) {
                return null;
            }
            TradeTick tick = new TradeTick(stock.code(), price, vol, tradeFields(t, vol, buy));
            pending.add(tick);
            if (rebuild) {
                pending.add(bookSnapshot());
                // random-walk trades (not the user's own sweeps) may cross resting orders
                crossObserver.accept(stock.code(), price);
            }
            return tick;
        }

        /** Ten levels each side around the last trade: a buy-initiated trade printed at the ask, a sell at the bid. */
        void rebuildBook() {
            long ask = lastBuy ? last : PriceRules.upTick(last);
            long bid = lastBuy ? PriceRules.downTick(last) : last;
            for (int i = 0; i < 10; i++) {
                boolean askOk = ask <= upper;
                boolean bidOk = bid >= lower && bid > 0;
                askP[i] = askOk ? ask : 0;
                bidP[i] = bidOk ? bid : 0;
                askQ[i] = askOk ? levelQty() : 0;
                bidQ[i] = bidOk ? levelQty() : 0;
                ask = PriceRules.upTick(ask);
                bid = PriceRules.downTick(bid);
            }
        }

        private long levelQty() {
            return Math.max(1, Math.round(avgTradeVolume * (1 + rng.nextDouble() * 3)));
        }

        List<String> tradeFields(LocalTime t, long vol, boolean buy) {
            long prdySmns = Math.max(1, prevDayVolume * Math.max(1, minutesSinceOpen(t)) / 390);
            List<String> f = new ArrayList<>(46);
            f.add(stock.code());
            f.add(Fmt.time(t));
            f.add(Long.toString(last));
            f.add(Fmt.sign(last, base, upper, lower));
            f.add(Long.toString(last - base));
            f.add(Fmt.pct(last - base, base));
            f.add(Fmt.ratio(value, volume));
            f.add(Long.toString(open));
            f.add(Long.toString(high));
            f.add(Long.toString(low));
            f.add(Long.toString(askP[0]));
            f.add(Long.toString(bidP[0]));
            f.add(Long.toString(vol));
            f.add(Long.toString(volume));
            f.add(Long.toString(value));
            f.add(Long.toString(sellCount));
            f.add(Long.toString(buyCount));
            f.add(Long.toString(buyCount - sellCount));
            f.add(Fmt.pct(buyVolume, sellVolume));
            f.add(Long.toString(sellVolume));
            f.add(Long.toString(buyVolume));
            f.add(buy ? "1" : "5");
            // SHNU_RATE: buy-initiated share of the volume in % (the exact KIS formula is unverified).
            f.add(Fmt.pct(buyVolume, volume));
            f.add(Fmt.pct(volume, prevDayVolume));
            f.add(Fmt.time(openTime));
            f.add(Fmt.diffSign(last - open));
            f.add(Long.toString(last - open));
            f.add(Fmt.time(highTime));
            f.add(Fmt.diffSign(last - high));
            f.add(Long.toString(last - high));
            f.add(Fmt.time(lowTime));
            f.add(Fmt.diffSign(last - low));
            f.add(Long.toString(last - low));
            f.add(Fmt.date(tradeDate));
            f.add("20");
            f.add("N");
            f.add(Long.toString(askQ[0]));
            f.add(Long.toString(bidQ[0]));
            f.add(Long.toString(sum(askQ)));
            f.add(Long.toString(sum(bidQ)));
            f.add(Fmt.pct(volume, stock.listedShares()));
            f.add(Long.toString(prdySmns));
            f.add(Fmt.pct(volume, prdySmns));
            f.add("0");
            f.add("");
            f.add(Long.toString(base));
            return f;
        }

        private long minutesSinceOpen(LocalTime t) {
            return ChronoUnit.MINUTES.between(TradingCalendar.OPEN, t);
        }

        BookSnapshot bookSnapshot() {
            List<String> f = new ArrayList<>(59);
            f.add(stock.code());
            f.add(Fmt.time(lastTime));
            f.add("0");
            for (long p : askP) f.add(Long.toString(p));
            for (long p : bidP) f.add(Long.toString(p));
            for (long q : askQ) f.add(Long.toString(q));
            for (long q : bidQ) f.add(Long.toString(q));
            long ta = sum(askQ);
            long tb = sum(bidQ);
            f.add(Long.toString(ta));
            f.add(Long.toString(tb));
            f.add("0");
            f.add("0");
            f.add("0");
            f.add("0");
            f.add("0");
            f.add(Long.toString(-base));
            f.add("5");
            f.add("-100.00");
            f.add(Long.toString(volume));
            f.add(Long.toString(ta - prevTotalAsk));
            f.add(Long.toString(tb - prevTotalBid));
            f.add("0");
            f.add("0");
            f.add("0");
            prevTotalAsk = ta;
            prevTotalBid = tb;
            return new BookSnapshot(stock.code(), boxed(askP), boxed(bidP), boxed(askQ), boxed(bidQ), f);
        }

        Quote quote() {
            BookSnapshot b = new BookSnapshot(stock.code(), boxed(askP), boxed(bidP), boxed(askQ), boxed(bidQ), List.of());
            return new Quote(stock, tradeDate, lastTime, base, open, high, low, last, volume, value, prevDayVolume,
                    upper, lower, b, sellVolume, buyVolume);
        }
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) s += v;
        return s;
    }

    private static List<Long> boxed(long[] a) {
        List<Long> l = new ArrayList<>(a.length);
        for (long v : a) l.add(v);
        return l;
    }
}
