package io.kisbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.simulator.account.Account;
import io.kisbridge.simulator.account.ExecutionNotice;
import io.kisbridge.simulator.account.NoticeBus;
import io.kisbridge.simulator.account.OrderOutcome;
import io.kisbridge.simulator.market.BookSnapshot;
import io.kisbridge.simulator.market.MarketEngine;
import io.kisbridge.simulator.market.PriceRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderMatchingTest {
    private MarketEngine market;
    private Account account;
    private final List<ExecutionNotice> notices = new ArrayList<>();

    @BeforeEach
    void setUp() {
        market = new MarketEngine(5, new ManualClock(Instant.parse("2025-06-11T01:30:00Z")), false, new ReentrantLock());
        NoticeBus bus = new NoticeBus();
        bus.onNotice(notices::add);
        account = new Account(SimEnvironment.REAL,
                new DemoCredentials("k".repeat(36), "s".repeat(180), "50012345-01", "kisdemo"), market, bus);
        market.setCrossObserver(account::onMarketTrade);
        market.addFlushHook(bus::flush);
        market.addFlushBacklog(bus::hasPending);
    }

    @Test
    void marketableLimitBuyFillsAtTheAskAndEmitsAcceptanceThenFill() {
        BookSnapshot book = market.book("005930");
        long ask = book.askPrices().get(0);
        OrderOutcome o = account.place(true, "005930", "00", 1, ask);
        assertThat(o.accepted()).isTrue();
        assertThat(o.msgCd()).isEqualTo("APBK0013");
        assertThat(o.odno()).hasSize(10);
        assertThat(o.branch()).isEqualTo("06010");
        assertThat(notices).extracting(ExecutionNotice::cntgYn).containsExactly("1", "2");
        assertThat(notices.get(1).fields()).hasSize(26);
        assertThat(Long.parseLong(notices.get(1).fields().get(10))).isEqualTo(ask);
        assertThat(account.holdings().stream().filter(h -> h.code.equals("005930")).findFirst().orElseThrow().qty()).isEqualTo(101);
    }

    @Test
    void largeMarketOrderSweepsSeveralLevels() {
        BookSnapshot book = market.book("010140");
        long qty = book.askQuantities().get(0) + book.askQuantities().get(1) + 1;
        OrderOutcome o = account.place(true, "010140", "01", qty, 0);
        assertThat(o.accepted()).isTrue();
        List<ExecutionNotice> fills = notices.stream().filter(n -> n.cntgYn().equals("2")).toList();
        assertThat(fills).hasSize(3);
        assertThat(fills.stream().mapToLong(n -> Long.parseLong(n.fields().get(9))).sum()).isEqualTo(qty);
        assertThat(account.find(o.odno()).remaining()).isZero();
    }

    @Test
    void limitOrderThroughTwoLevelsFillsPartiallyAndRestsTheRemainder() {
        BookSnapshot book = market.book("034220");
        long limit = book.askPrices().get(1);
        long available = book.askQuantities().get(0) + book.askQuantities().get(1);
        OrderOutcome o = account.place(true, "034220", "00", available + 5, limit);
        assertThat(o.accepted()).isTrue();
        assertThat(account.find(o.odno()).filledQty()).isEqualTo(available);
        assertThat(account.find(o.odno()).remaining()).isEqualTo(5);
    }

    @Test
    void paperOrdersFillAgainstTheBookWithoutMovingIt() {
        Account paper = new Account(SimEnvironment.PAPER, new DemoCredentials("p".repeat(36), "s".repeat(180), "50098765-01", "kisdemo"),
                market, new NoticeBus());
        BookSnapshot before = market.book("034220");
        long last = market.lastPrice("034220");
        OrderOutcome o = paper.place(true, "034220", "01", before.askQuantities().get(0) + 1, 0);
        assertThat(o.msgCd()).isEqualTo("40600000");
        assertThat(o.branch()).isEqualTo("00950");
        assertThat(paper.find(o.odno()).filledQty()).isEqualTo(before.askQuantities().get(0) + 1);
        assertThat(market.book("034220").askQuantities()).isEqualTo(before.askQuantities());
        assertThat(market.lastPrice("034220")).isEqualTo(last);
    }

    @Test
    void iocFillsWhatItCanAndCancelsTheRest() {
        BookSnapshot book = market.book("034220");
        long ask = book.askPrices().get(0);
        long available = book.askQuantities().get(0);
        OrderOutcome o = account.place(true, "034220", "11", available + 4, ask);
        assertThat(account.find(o.odno()).filledQty()).isEqualTo(available);
        assertThat(account.find(o.odno()).remaining()).isZero();
        ExecutionNotice last = notices.get(notices.size() - 1);
        assertThat(last.fields().get(14)).isEqualTo("3");
        assertThat(Long.parseLong(last.fields().get(9))).isEqualTo(4);
        assertThat(last.fields().get(7)).isEqualTo("1");
    }

    @Test
    void fokThatCannotFillCompletelyFillsNothing() {
        BookSnapshot book = market.book("034220");
        long ask = book.askPrices().get(0);
        OrderOutcome o = account.place(true, "034220", "12", book.askQuantities().get(0) + 1, ask);
        assertThat(o.accepted()).isTrue();
        assertThat(account.find(o.odno()).filledQty()).isZero();
        assertThat(account.find(o.odno()).remaining()).isZero();
        assertThat(notices).extracting(ExecutionNotice::cntgYn).containsExactly("1", "1");
        assertThat(market.book("034220").askQuantities().get(0)).isEqualTo(book.askQuantities().get(0));
    }

    @Test
    void restingBuyFillsWhenTheWalkCrossesIt() {
        long last = market.lastPrice("005930");
        long limit = PriceRules.downTick(PriceRules.downTick(PriceRules.downTick(last)));
        OrderOutcome o = account.place(true, "005930", "00", 3, limit);
        assertThat(account.find(o.odno()).remaining()).isEqualTo(3);
        market.tradeAt("005930", limit, 10);
        assertThat(account.find(o.odno()).remaining()).isZero();
        assertThat(notices).filteredOn(n -> n.cntgYn().equals("2")).singleElement()
                .satisfies(n -> assertThat(Long.parseLong(n.fields().get(10))).isEqualTo(limit));
    }

    @Test
    void modifyAndCancelCreateNewOrderNumbersLinkedToTheOriginal() {
        long last = market.lastPrice("005930");
        long limit = PriceRules.downTick(PriceRules.downTick(PriceRules.downTick(last)));
        OrderOutcome o = account.place(true, "005930", "00", 10, limit);
        OrderOutcome m = account.reviseOrCancel(o.odno(), "06010", false, "00", 4, PriceRules.downTick(limit), false);
        assertThat(m.accepted()).isTrue();
        assertThat(Long.parseLong(m.odno())).isGreaterThan(Long.parseLong(o.odno()));
        assertThat(account.find(m.odno()).orgnOdno).isEqualTo(o.odno());
        assertThat(account.find(o.odno()).remaining()).isEqualTo(6);
        OrderOutcome c = account.reviseOrCancel(o.odno(), "06010", true, "00", 0, 0, true);
        assertThat(c.accepted()).isTrue();
        assertThat(account.find(o.odno()).remaining()).isZero();
        OrderOutcome again = account.reviseOrCancel(o.odno(), "06010", true, "00", 0, 0, true);
        assertThat(again.accepted()).isFalse();
        assertThat(again.msg1()).contains("정정/취소할 수량이 없습니다.");
    }

    @Test
    void refusesOffTickPricesOutOfLimitPricesAndOverselling() {
        long last = market.lastPrice("005930");
        assertThat(account.place(true, "005930", "00", 1, last + 1).accepted()).isFalse();
        assertThat(account.place(true, "005930", "00", 1, PriceRules.upperLimit(market.quote("005930").base()) + 100).accepted()).isFalse();
        assertThat(account.place(false, "005930", "00", 101, last).accepted()).isFalse();
        assertThat(account.place(true, "005930", "00", 100_000, last).msg1()).contains("주문가능금액");
        assertThat(notices).isEmpty();
    }

    @Test
    void closedMarketRefusesOrdersWhenNotAlwaysOpen() {
        MarketEngine night = new MarketEngine(5, new ManualClock(Instant.parse("2025-06-11T12:00:00Z")), false, new ReentrantLock());
        Account a = new Account(SimEnvironment.PAPER, new DemoCredentials("k".repeat(36), "s".repeat(180), "50098765-01", "kisdemo"),
                night, new NoticeBus());
        OrderOutcome o = a.place(true, "005930", "01", 1, 0);
        assertThat(o.accepted()).isFalse();
        assertThat(o.msg1()).startsWith("모의투자 ");
    }
}
