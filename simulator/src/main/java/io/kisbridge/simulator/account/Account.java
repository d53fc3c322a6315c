package io.kisbridge.simulator.account;

import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.SimEnvironment;
import io.kisbridge.simulator.market.Fmt;
import io.kisbridge.simulator.market.MarketEngine;
import io.kisbridge.simulator.market.PriceRules;
import io.kisbridge.simulator.market.Quote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo account of one environment and its order desk. Orders match against the simulated book (marketable parts
 * fill at once, possibly across levels); the rest rests and fills when a random-walk trade crosses its price. All
 * methods run under the market lock (shared), notices are flushed after it is released.
 *
 * <p>Refusal codes and texts other than the success ones of the reference are this simulator's choice (KIS's own
 * codes for these cases are not in the reference): paper refusals use the "모의투자 " prefix KIS uses for paper.
 */
public final class Account {
    /** Commission rate (0.015 %) and sell-side transaction tax (0.18 %): plausible values, not KIS's exact schedule. */
    static final double COMMISSION = 0.00015;
    static final double SELL_TAX = 0.0018;
    public static final long INITIAL_CASH = 100_000_000L;

    private final SimEnvironment env;
    private final DemoCredentials credentials;
    private final MarketEngine market;
    private final NoticeBus notices;
    private final String branch;
    private long cash = INITIAL_CASH;
    private long nextOrderNo = 1001;
    private long boughtAmountToday;
    private long soldAmountToday;
    private long feesToday;
    private final Map<String, Holding> holdings = new LinkedHashMap<>();
    private final List<Order> orders = new ArrayList<>();

    public Account(SimEnvironment env, DemoCredentials credentials, MarketEngine market, NoticeBus notices) {
        this.env = env;
        this.credentials = credentials;
        this.market = market;
        this.notices = notices;
        this.branch = env == SimEnvironment.REAL ? "06010" : "00950";
        hold("005930", 100, 68_000);
        hold("000660", 20, 151_500);
        hold("035420", 10, 192_000);
        hold("005380", 5, 221_000);
    }

    private void hold(String code, long qty, long avg) {
        holdings.put(code, new Holding(code, market.universe().stock(code).orElseThrow().name(), qty, qty * avg));
    }

    public SimEnvironment environment() {
        return env;
    }

    public DemoCredentials credentials() {
        return credentials;
    }

    public String branch() {
        return branch;
    }

    // ------------------------------------------------------------------ orders

    public OrderOutcome place(boolean buy, String code, String ordDvsn, long qty, long price) {
        market.lock().lock();
        try {
            if (market.universe().stock(code).isEmpty()) {
                return refuse("APBK0656", "해당 종목정보가 없습니다.");
            }
            if (qty <= 0) {
                return refuse("APBK0628", "주문수량이 0 입니다.");
            }
            if (!market.isOpen()) {
                return refuse("APBK0917", "장운영시간이 아닙니다.");
            }
            Quote q = market.quote(code);
            long limit;
            boolean marketType = "01".equals(ordDvsn) || "13".equals(ordDvsn) || "14".equals(ordDvsn);
            switch (ordDvsn) {
                case "00", "11", "12" -> limit = price;
                case "01", "13", "14" -> limit = 0;
                case "03", "15", "16" -> limit = buy ? q.askPrice1() : q.bidPrice1(); // 최유리: best opposite price
                case "04" -> limit = buy ? q.bidPrice1() : q.askPrice1(); // 최우선: best same-side price
                default -> {
                    return refuse("APBK0548", "주문구분 코드가 유효하지 않습니다. (지원: 00, 01, 03, 04, 11-16)");
                }
            }
            if (marketType && price != 0) {
                return refuse("APBK0621", "시장가 주문은 주문단가를 0 으로 입력하십시오.");
            }
            if (limit > 0 && !PriceRules.isOnTick(limit)) {
                return refuse("APBK0918", "주문단가가 호가단위에 맞지 않습니다.");
            }
            if (limit > 0 && (limit > q.upper() || limit < q.lower())) {
                return refuse("APBK0919", "주문단가가 상하한가 범위를 벗어났습니다.");
            }
            if (limit <= 0 && !marketType) {
                return refuse("APBK0918", "주문단가가 호가단위에 맞지 않습니다.");
            }
            if (buy) {
                long reservePrice = limit > 0 ? limit : q.upper();
                if (withFee(reservePrice * qty) > orderableCash()) {
                    return refuse("APBK0952", "주문가능금액을 초과 했습니다");
                }
            } else if (qty > sellableQty(code)) {
                return refuse("APBK0400", "주문가능수량을 초과 했습니다");
            }
            Order o = newOrder(null, Order.Kind.NEW, buy, ordDvsn, code, qty, limit);
            notice(o, o.qty, o.price, "1", "1");
            boolean fok = "2".equals(o.condition());
            if (!fok || market.availableLiquidity(code, buy, limit) >= qty) {
                match(o, limit);
            }
            if (!"0".equals(o.condition()) && o.remaining() > 0) {
                // IOC/FOK: the unfilled remainder is cancelled at once (ACPT_YN 3)
                long rest = o.remaining();
                o.withdrawnQty += rest;
                notice(o, rest, o.price, "1", "3");
            }
            return OrderOutcome.ok(o, successCode(buy), successMessage(buy));
        } finally {
            market.lock().unlock();
            market.flush();
        }
    }

    /** order-rvsecncl: {@code cancel} true for 02. {@code qty} is ignored when {@code all} is true. */
    public OrderOutcome reviseOrCancel(String orgnOdno, String branchNo, boolean cancel, String ordDvsn, long qty,
                                       long price, boolean all) {
        market.lock().lock();
        try {
            Order orig = find(orgnOdno);
            if (orig == null || orig.kind == Order.Kind.CANCEL || !orig.branch.equals(branchNo)) {
                return refuse("APBK0631", "원주문번호가 존재하지 않습니다.");
            }
            long remaining = orig.remaining();
            if (remaining <= 0) {
                return refuse("APBK0632", prefix() + "정정/취소할 수량이 없습니다.");
            }
            long k = all ? remaining : qty;
            if (k <= 0 || k > remaining) {
                return refuse("APBK0633", prefix() + "정정/취소 가능수량을 초과 했습니다.");
            }
            if (cancel) {
                orig.withdrawnQty += k;
                Order c = newOrder(orig.odno, Order.Kind.CANCEL, orig.buy, orig.ordDvsn, orig.code, k, orig.price);
                notice(c, k, orig.price, "1", "2");
                return OrderOutcome.ok(c, env == SimEnvironment.REAL ? "APBK0013" : "40630000",
                        env == SimEnvironment.REAL ? "주문 전송 완료 되었습니다." : "모의투자 취소주문이 완료 되었습니다.");
            }
            Quote q = market.quote(orig.code);
            long limit = "01".equals(ordDvsn) ? 0 : price;
            if (!"00".equals(ordDvsn) && !"01".equals(ordDvsn)) {
                return refuse("APBK0548", "주문구분 코드가 유효하지 않습니다. (정정: 00, 01)");
            }
            if (limit > 0 && !PriceRules.isOnTick(limit)) {
                return refuse("APBK0918", "주문단가가 호가단위에 맞지 않습니다.");
            }
            if (limit > 0 && (limit > q.upper() || limit < q.lower())) {
                return refuse("APBK0919", "주문단가가 상하한가 범위를 벗어났습니다.");
            }
            if ("00".equals(ordDvsn) && limit <= 0) {
                return refuse("APBK0918", "주문단가가 호가단위에 맞지 않습니다.");
            }
            if (orig.buy) {
                long oldReserve = withFee(orig.restingPrice * k);
                long newReserve = withFee((limit > 0 ? limit : q.upper()) * k);
                if (newReserve - oldReserve > orderableCash()) {
                    return refuse("APBK0952", "주문가능금액을 초과 했습니다");
                }
            }
            orig.withdrawnQty += k;
            Order m = newOrder(orig.odno, Order.Kind.MODIFY, orig.buy, ordDvsn, orig.code, k, limit);
            notice(m, k, limit, "1", "2");
            match(m, limit);
            return OrderOutcome.ok(m, env == SimEnvironment.REAL ? "APBK0013" : "40620000",
                    env == SimEnvironment.REAL ? "주문 전송 완료 되었습니다." : "모의투자 정정주문이 완료 되었습니다.");
        } finally {
            market.lock().unlock();
            market.flush();
        }
    }

    /** Called under the lock for every random-walk trade: resting orders at or through the price fill. */
    public void onMarketTrade(String code, long price) {
        for (Order o : orders) {
            if (!o.code.equals(code) || o.remaining() <= 0) continue;
            boolean crossed = o.buy ? price <= o.restingPrice : price >= o.restingPrice;
            if (crossed) {
                // the resting order is the maker: it fills at its own price (a market remainder at the trade price)
                fill(o, o.market() ? price : o.restingPrice, o.remaining());
            }
        }
    }

    private void match(Order o, long limit) {
        // paper orders fill against the shared book without moving it, as KIS's paper trading mirrors the real market
        List<long[]> fills = market.takeLiquidity(o.code, o.buy, limit, o.remaining(), env == SimEnvironment.REAL);
        for (long[] f : fills) {
            fill(o, f[0], f[1]);
        }
        if (o.remaining() > 0 && limit == 0) {
            // not in the reference: a market order's unfilled remainder rests at the limit price
            Quote q = market.quote(o.code);
            o.restingPrice = o.buy ? q.upper() : q.lower();
        }
    }

    private void fill(Order o, long price, long q) {
        long amount = price * q;
        long fee = (long) Math.floor(amount * COMMISSION);
        o.filledQty += q;
        o.filledAmount += amount;
        Holding h = holdings.computeIfAbsent(o.code, c -> new Holding(c, o.name, 0, 0));
        if (o.buy) {
            cash -= amount + fee;
            h.qty += q;
            h.purchaseAmount += amount;
            h.boughtToday += q;
            boughtAmountToday += amount;
        } else {
            long tax = (long) Math.floor(amount * SELL_TAX);
            cash += amount - fee - tax;
            long avgCost = h.qty == 0 ? 0 : Math.round((double) h.purchaseAmount * q / h.qty);
            h.qty -= q;
            h.purchaseAmount = h.qty == 0 ? 0 : h.purchaseAmount - avgCost;
            h.soldToday += q;
            soldAmountToday += amount;
            fee += tax;
        }
        feesToday += fee;
        notice(o, q, price, "2", "2");
    }

    private Order newOrder(String orgn, Order.Kind kind, boolean buy, String ordDvsn, String code, long qty, long price) {
        String odno = Fmt.zeroPad(nextOrderNo++, 10);
        Order o = new Order(odno, orgn == null ? "" : orgn, branch, kind, buy, ordDvsn, code,
                market.universe().stock(code).orElseThrow().name(), qty, price, market.now());
        orders.add(o);
        return o;
    }

    private void notice(Order o, long qty, long price, String cntgYn, String acptYn) {
        List<String> f = new ArrayList<>(26);
        f.add(credentials.htsId());
        f.add(credentials.cano() + credentials.productCode());
        f.add(o.odno);
        f.add(o.orgnOdno);
        f.add(o.buy ? "02" : "01");
        f.add(switch (o.kind) {
            case NEW -> "0";
            case MODIFY -> "1";
            case CANCEL -> "2";
        });
        f.add(o.ordDvsn);
        f.add(o.condition());
        f.add(o.code);
        f.add(Fmt.zeroPad(qty, 10));
        f.add(Fmt.zeroPad(price, 9));
        f.add(Fmt.time(market.now()));
        f.add("0");
        f.add(cntgYn);
        f.add(acptYn);
        f.add(o.branch);
        f.add(Fmt.zeroPad(o.qty, 9));
        f.add("김데모");
        f.add("");
        f.add("1");
        f.add("Y");
        f.add("");
        f.add("10");
        f.add("");
        f.add(o.name);
        f.add(Fmt.zeroPad(o.price, 9));
        notices.publish(new ExecutionNotice(credentials.htsId(), env, f));
    }

    private OrderOutcome refuse(String realCode, String message) {
        return OrderOutcome.refused(env == SimEnvironment.REAL ? realCode : "4" + realCode.substring(4) + "000",
                message.startsWith(prefix()) ? message : prefix() + message);
    }

    private String prefix() {
        return env == SimEnvironment.REAL ? "" : "모의투자 ";
    }

    private String successCode(boolean buy) {
        return env == SimEnvironment.REAL ? "APBK0013" : "40600000";
    }

    private String successMessage(boolean buy) {
        if (env == SimEnvironment.REAL) return "주문 전송 완료 되었습니다.";
        return buy ? "모의투자 매수주문이 완료 되었습니다." : "모의투자 매도주문이 완료 되었습니다.";
    }

    static long withFee(long amount) {
        return amount + (long) Math.ceil(amount * COMMISSION);
    }

    // ------------------------------------------------------------------ queries (call with the lock held or accept a racy read)

    public Order find(String odno) {
        return locked(() -> {
            for (Order o : orders) {
                if (o.odno.equals(odno)) return o;
            }
            return null;
        });
    }

    public List<Order> orders() {
        return locked(() -> List.copyOf(orders));
    }

    public List<Holding> holdings() {
        return locked(() -> List.copyOf(holdings.values()));
    }

    public long cash() {
        return locked(() -> cash);
    }

    /** Cash minus what open buy orders reserve (price × remaining + commission; market orders at the upper limit). */
    public long orderableCash() {
        return locked(() -> {
            long reserved = 0;
            for (Order o : orders) {
                if (o.buy && o.remaining() > 0) {
                    long p = o.restingPrice > 0 ? o.restingPrice : market.quote(o.code).upper();
                    reserved += withFee(p * o.remaining());
                }
            }
            return cash - reserved;
        });
    }

    public long sellableQty(String code) {
        return locked(() -> {
            Holding h = holdings.get(code);
            long qty = h == null ? 0 : h.qty;
            for (Order o : orders) {
                if (!o.buy && o.code.equals(code)) qty -= o.remaining();
            }
            return Math.max(0, qty);
        });
    }

    public long boughtAmountToday() {
        return locked(() -> boughtAmountToday);
    }

    public long soldAmountToday() {
        return locked(() -> soldAmountToday);
    }

    public long feesToday() {
        return locked(() -> feesToday);
    }

    private <T> T locked(java.util.function.Supplier<T> s) {
        market.lock().lock();
        try {
            return s.get();
        } finally {
            market.lock().unlock();
        }
    }
}
