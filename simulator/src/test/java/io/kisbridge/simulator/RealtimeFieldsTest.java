package io.kisbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.simulator.market.MarketEngine;
import io.kisbridge.simulator.market.TradeTick;
import io.kisbridge.simulator.market.Universe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class RealtimeFieldsTest {

    private static BigDecimal ratio(long num, long den, int scaleBy100) {
        return BigDecimal.valueOf(num).multiply(BigDecimal.valueOf(scaleBy100)).divide(BigDecimal.valueOf(den), 2, RoundingMode.HALF_UP);
    }

    @Test
    void tradeFieldsAreConsistentWithTheReferenceFormulas() {
        MarketEngine m = new MarketEngine(11, new ManualClock(Instant.parse("2025-06-11T02:00:00Z")), false, new ReentrantLock());
        long base = m.quote("005930").base();
        List<TradeTick> ticks = new ArrayList<>();
        try (AutoCloseable ignored = m.onTrade(ticks::add)) {
            for (int i = 0; i < 50; i++) m.tick("005930");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(ticks).hasSize(50);
        for (TradeTick t : ticks) {
            List<String> f = t.h0stcnt0Fields();
            long price = Long.parseLong(f.get(2));
            long vol = Long.parseLong(f.get(13));
            long value = Long.parseLong(f.get(14));
            assertThat(f).hasSize(46);
            assertThat(f.get(0)).isEqualTo("005930");
            assertThat(Long.parseLong(f.get(4))).isEqualTo(price - base);
            assertThat(new BigDecimal(f.get(5))).isEqualTo(ratio(price - base, base, 100));
            assertThat(new BigDecimal(f.get(6))).isEqualTo(ratio(value, vol, 1));
            assertThat(Long.parseLong(f.get(17))).isEqualTo(Long.parseLong(f.get(16)) - Long.parseLong(f.get(15)));
            assertThat(new BigDecimal(f.get(18))).isEqualTo(ratio(Long.parseLong(f.get(20)), Long.parseLong(f.get(19)), 100));
            assertThat(new BigDecimal(f.get(40))).isEqualTo(ratio(vol, Universe.find("005930").orElseThrow().listedShares(), 100));
            assertThat(new BigDecimal(f.get(42))).isEqualTo(ratio(vol, Long.parseLong(f.get(41)), 100));
            assertThat(Long.parseLong(f.get(26))).isEqualTo(price - Long.parseLong(f.get(7)));
            assertThat(Long.parseLong(f.get(29))).isEqualTo(price - Long.parseLong(f.get(8)));
            assertThat(Long.parseLong(f.get(32))).isEqualTo(price - Long.parseLong(f.get(9)));
            assertThat(f.get(33)).isEqualTo("20250611");
            assertThat(Long.parseLong(f.get(45))).isEqualTo(base);
        }
    }
}
