package io.kisbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.simulator.market.MarketEngine;
import io.kisbridge.simulator.market.PriceRules;
import io.kisbridge.simulator.market.Quote;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class MarketRulesTest {
    private static final Instant MORNING = Instant.parse("2025-06-11T01:30:00Z"); // 10:30 KST, a Wednesday

    @Test
    void priceLimitsMatchTheReferenceExample() {
        assertThat(PriceRules.limitWidth(128_500)).isEqualTo(38_500);
        assertThat(PriceRules.upperLimit(128_500)).isEqualTo(167_000);
        assertThat(PriceRules.lowerLimit(128_500)).isEqualTo(90_000);
    }

    @Test
    void standardCodesCarryTheIsinCheckDigit() {
        assertThat(io.kisbridge.simulator.market.Universe.find("005930").orElseThrow().isin()).isEqualTo("KR7005930003");
        assertThat(io.kisbridge.simulator.market.Universe.find("000660").orElseThrow().isin()).isEqualTo("KR7000660001");
    }

    @Test
    void tickSizesFollowTheKrxBands() {
        assertThat(PriceRules.tickSize(1_999)).isEqualTo(1);
        assertThat(PriceRules.tickSize(2_000)).isEqualTo(5);
        assertThat(PriceRules.tickSize(19_990)).isEqualTo(10);
        assertThat(PriceRules.tickSize(20_000)).isEqualTo(50);
        assertThat(PriceRules.tickSize(71_900)).isEqualTo(100);
        assertThat(PriceRules.tickSize(200_000)).isEqualTo(500);
        assertThat(PriceRules.tickSize(790_000)).isEqualTo(1_000);
        assertThat(PriceRules.isOnTick(71_950)).isFalse();
        assertThat(PriceRules.downTick(200_000)).isEqualTo(199_900);
    }

    @Test
    void sameSeedGivesSameHistoryAndState() {
        MarketEngine a = new MarketEngine(7, new ManualClock(MORNING), false, new ReentrantLock());
        MarketEngine b = new MarketEngine(7, new ManualClock(MORNING), false, new ReentrantLock());
        MarketEngine c = new MarketEngine(8, new ManualClock(MORNING), false, new ReentrantLock());
        assertThat(a.history("005930")).isEqualTo(b.history("005930"));
        assertThat(a.lastPrice("000660")).isEqualTo(b.lastPrice("000660"));
        assertThat(a.tick("035420").h0stcnt0Fields()).isEqualTo(b.tick("035420").h0stcnt0Fields());
        assertThat(a.history("005930")).isNotEqualTo(c.history("005930"));
    }

    @Test
    void historySpansYearsOfWeekdaysWithinDailyLimits() {
        MarketEngine m = new MarketEngine(1, new ManualClock(MORNING), false, new ReentrantLock());
        var h = m.history("005930");
        assertThat(h.size()).isGreaterThan(1000);
        assertThat(h).allSatisfy(bar -> {
            assertThat(bar.date().getDayOfWeek().getValue()).isLessThan(6);
            assertThat(bar.close()).isBetween(PriceRules.lowerLimit(bar.prevClose()), PriceRules.upperLimit(bar.prevClose()));
            assertThat(bar.high()).isGreaterThanOrEqualTo(Math.max(bar.open(), bar.close()));
            assertThat(bar.low()).isLessThanOrEqualTo(Math.min(bar.open(), bar.close()));
        });
        assertThat(h.get(h.size() - 1).close()).isBetween(55_000L, 90_000L);
    }

    @Test
    void ticksStayOnTheGridWithinLimitsAndBooksAreConsistent() {
        MarketEngine m = new MarketEngine(3, new ManualClock(MORNING), false, new ReentrantLock());
        for (int i = 0; i < 300; i++) {
            var t = m.tick("000660");
            assertThat(t.h0stcnt0Fields()).hasSize(46);
            assertThat(PriceRules.isOnTick(t.price())).isTrue();
        }
        Quote q = m.quote("000660");
        assertThat(q.last()).isBetween(q.lower(), q.upper());
        var book = m.book("000660");
        assertThat(book.h0stasp0Fields()).hasSize(59);
        assertThat(book.askPrices().get(0)).isGreaterThan(book.bidPrices().get(0));
        assertThat(book.askPrices().get(0) == q.last() || book.bidPrices().get(0) == q.last()).isTrue();
        assertThat(Long.parseLong(book.h0stasp0Fields().get(43))).isEqualTo(book.totalAsk());
        assertThat(Long.parseLong(book.h0stasp0Fields().get(44))).isEqualTo(book.totalBid());
    }

    @Test
    void minuteBarsCoverTodayUpToNow() {
        MarketEngine m = new MarketEngine(3, new ManualClock(MORNING), false, new ReentrantLock());
        var bars = m.minuteBars("005930");
        assertThat(bars).hasSize(90);
        assertThat(bars.get(0).time().toString()).isEqualTo("09:00");
    }

    @Test
    void anAlwaysOpenMarketBeforeNineKeepsMinuteBarsAtTheirOwnTimes() {
        Instant earlyMorning = Instant.parse("2025-06-10T15:40:00Z"); // 00:40 KST on Wednesday
        MarketEngine m = new MarketEngine(3, new ManualClock(earlyMorning), true, new ReentrantLock());
        var bars = m.minuteBars("005930");
        assertThat(bars).hasSize(40);
        assertThat(bars.get(0).time().toString()).isEqualTo("00:00");
        assertThat(bars.get(bars.size() - 1).time().toString()).isEqualTo("00:39");
        assertThat(m.tick("005930").h0stcnt0Fields().get(1)).isEqualTo("004000");
    }
}
