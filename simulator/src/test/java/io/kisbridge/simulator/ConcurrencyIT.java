package io.kisbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.simulator.account.Account;
import io.kisbridge.simulator.account.NoticeBus;
import io.kisbridge.simulator.market.MarketEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrencyIT {

    @Test
    @Timeout(30)
    void ordersTicksAndListenersRunConcurrentlyWithoutDeadlockOrLostShares() throws Exception {
        MarketEngine m = new MarketEngine(2, new ManualClock(Instant.parse("2025-06-11T02:00:00Z")), true, new ReentrantLock());
        NoticeBus bus = new NoticeBus();
        AtomicInteger notices = new AtomicInteger();
        bus.onNotice(n -> {
            notices.incrementAndGet();
            m.lastPrice(n.fields().get(8)); // listeners may call back into the market
        });
        Account a = new Account(SimEnvironment.REAL, new DemoCredentials("k".repeat(36), "s".repeat(180), "50012345-01", "kisdemo"), m, bus);
        m.setCrossObserver(a::onMarketTrade);
        m.addFlushHook(bus::flush);
        m.addFlushBacklog(bus::hasPending);
        List<Long> cumulative = new java.util.concurrent.CopyOnWriteArrayList<>();
        m.onTrade(t -> {
            m.book(t.code());
            cumulative.add(Long.parseLong(t.h0stcnt0Fields().get(13)));
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> jobs = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) m.tick("010140");
            }));
        }
        for (int w = 0; w < 2; w++) {
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    long bid = m.book("010140").bidPrices().get(2);
                    a.place(true, "010140", "00", 1, bid);
                }
            }));
        }
        for (Future<?> f : jobs) f.get(20, TimeUnit.SECONDS);
        pool.shutdown();
        long filled = a.orders().stream().mapToLong(o -> o.filledQty()).sum();
        long held = a.holdings().stream().filter(h -> h.code.equals("010140")).mapToLong(h -> h.qty()).findFirst().orElse(0);
        assertThat(a.orders()).hasSize(100);
        assertThat(held).isEqualTo(filled);
        assertThat(notices.get()).isGreaterThanOrEqualTo(100);
        assertThat(cumulative).hasSizeGreaterThanOrEqualTo(400).isSorted();
    }
}
