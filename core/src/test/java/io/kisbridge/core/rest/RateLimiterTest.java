package io.kisbridge.core.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.core.internal.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RateLimiterTest {
    private static final int PERMITS = 5;
    private static final Duration WINDOW = Duration.ofMillis(200);

    private record Call(long granted, long released, long arrived) {
    }

    private final Ticker ticker = System::nanoTime;

    private List<Call> hammer(RateLimiter limiter, int threads, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Call>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(() -> {
                    RateLimiter.Permit p = limiter.acquire();
                    long granted = p.grantedAt();
                    // The "server" sees the request at a random moment of a random-length call.
                    long latency = ThreadLocalRandom.current().nextLong(0, 40_000_000);
                    long arrivedAfter = ThreadLocalRandom.current().nextLong(0, latency + 1);
                    LockSupport.parkNanos(arrivedAfter);
                    long arrived = ticker.nanos();
                    LockSupport.parkNanos(latency - arrivedAfter);
                    long released = ticker.nanos(); // taken before close(): the limiter's own stamp is later
                    p.close();
                    return new Call(granted, released, arrived);
                }));
            }
            List<Call> out = new ArrayList<>();
            for (Future<Call> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(30)
    void neverLetsTheServerSeeMoreThanTheLimitInAnyWindowUnderHeavyConcurrency() throws Exception {
        RateLimiter limiter = new RateLimiter(PERMITS, WINDOW, ticker);
        List<Call> calls = hammer(limiter, 60, 60);
        assertThat(calls).hasSize(60);
        List<Long> arrivals = calls.stream().map(Call::arrived).sorted().toList();
        long window = WINDOW.toNanos();
        int max = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            int n = 0;
            for (int j = i; j < arrivals.size() && arrivals.get(j) - arrivals.get(i) < window; j++) {
                n++;
            }
            max = Math.max(max, n);
        }
        assertThat(max).isLessThanOrEqualTo(PERMITS);
    }

    @Test
    @Timeout(30)
    void countsEachPermitUntilOneWindowAfterItsCallFinished() throws Exception {
        RateLimiter limiter = new RateLimiter(PERMITS, WINDOW, ticker);
        List<Call> calls = hammer(limiter, 20, 40);
        long window = WINDOW.toNanos();
        for (Call c : calls) {
            long active = calls.stream().filter(o -> o.granted() <= c.granted() && o.released() + window > c.granted()).count();
            assertThat(active).isLessThanOrEqualTo(PERMITS);
        }
    }

    @Test
    @Timeout(30)
    void spacesPermitsEvenlyInsteadOfBursting() throws Exception {
        RateLimiter limiter = new RateLimiter(PERMITS, WINDOW, ticker);
        List<Call> calls = new ArrayList<>(hammer(limiter, 10, 20));
        calls.sort(Comparator.comparingLong(Call::granted));
        long spacing = WINDOW.toNanos() / PERMITS;
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i).granted() - calls.get(i - 1).granted()).isGreaterThanOrEqualTo(spacing);
        }
    }

    @Test
    void sharesOneLimiterPerAppKeyAndEnvironment() {
        RateLimiter a = RateLimiter.shared("key-id-1", "real", 20);
        assertThat(RateLimiter.shared("key-id-1", "real", 20)).isSameAs(a);
        assertThat(RateLimiter.shared("key-id-1", "paper", 2)).isNotSameAs(a);
        assertThat(RateLimiter.shared("key-id-2", "real", 20)).isNotSameAs(a);
        assertThat(a.permitsPerWindow()).isEqualTo(20);
    }

    @Test
    @Timeout(30)
    void countsEveryPermitItHandsOut() throws Exception {
        RateLimiter limiter = new RateLimiter(PERMITS, WINDOW, ticker);
        assertThat(limiter.permitsGranted()).isZero();
        hammer(limiter, 4, 7);
        assertThat(limiter.permitsGranted()).isEqualTo(7);
    }

    @Test
    void countsTheCallsQueuedBehindTheLimitAndEstimatesTheirWaitAtThePermitSpacing() throws Exception {
        RateLimiter limiter = new RateLimiter(2, Duration.ofHours(1), ticker); // spacing 30 min: nobody gets through
        RateLimiter.Permit held = limiter.acquire();
        assertThat(limiter.queued()).isZero();
        assertThat(limiter.estimatedQueueWait()).isZero();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> waiting = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                waiting.add(pool.submit(() -> limiter.acquire()));
            }
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (limiter.queued() < 3 && System.nanoTime() < until) {
                LockSupport.parkNanos(1_000_000);
            }
            assertThat(limiter.queued()).isEqualTo(3);
            assertThat(limiter.estimatedQueueWait()).isEqualTo(Duration.ofMinutes(90));
            pool.shutdownNow(); // interrupts the waiters: they leave the queue
            until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (limiter.queued() > 0 && System.nanoTime() < until) {
                LockSupport.parkNanos(1_000_000);
            }
            assertThat(limiter.queued()).isZero();
            assertThat(waiting).allSatisfy(f -> assertThat(f).isDone());
        } finally {
            pool.shutdownNow();
            held.close();
        }
    }
}
