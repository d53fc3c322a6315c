package io.kisbridge.bridge.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SingleFlightCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final SingleFlightCache<String, String> cache = new SingleFlightCache<>(Duration.ofSeconds(2), now::get,
            t -> t instanceof IllegalArgumentException);

    @Test
    void concurrentIdenticalRequestsShareOneLoad() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger waiting = new AtomicInteger();
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                results.add(ex.submit(() -> {
                    waiting.incrementAndGet();
                    return cache.get("k", () -> {
                        loads.incrementAndGet();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return "v";
                    });
                }));
            }
            await().until(() -> waiting.get() == 50 && loads.get() == 1);
            release.countDown();
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo("v");
            }
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void reusesAValueUntilTheTtlPasses() {
        AtomicInteger loads = new AtomicInteger();
        cache.get("k", () -> "v" + loads.incrementAndGet());
        now.addAndGet(Duration.ofMillis(1999).toNanos());
        assertThat(cache.get("k", () -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.get("k", () -> "v" + loads.incrementAndGet())).isEqualTo("v2");
    }

    @Test
    void remembersPermanentFailuresButRetriesTransientOnes() {
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.get("bad", () -> {
                loads.incrementAndGet();
                throw new IllegalArgumentException("unknown code");
            })).hasMessage("unknown code");
        }
        assertThat(loads).hasValue(1);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.get("flaky", () -> {
                loads.incrementAndGet();
                throw new IllegalStateException("timeout");
            })).hasMessage("timeout");
        }
        assertThat(loads).hasValue(4);
    }

    @Test
    void sweepsExpiredEntriesOnceItHoldsManyKeys() {
        for (int i = 0; i <= SingleFlightCache.SWEEP_ABOVE; i++) {
            cache.get("k" + i, () -> "v");
        }
        assertThat(cache.size()).isEqualTo(SingleFlightCache.SWEEP_ABOVE + 1);
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        cache.get("fresh", () -> "v");
        assertThat(cache.size()).isEqualTo(1);
    }

    /** A cache with a 30-s stale window whose refreshes wait in {@code queued} until the test runs them. */
    private SingleFlightCache<String, String> staleWhileRevalidate(List<Runnable> queued) {
        return new SingleFlightCache<>(Duration.ofSeconds(2), Duration.ofSeconds(30), queued::add, now::get,
                t -> t instanceof IllegalArgumentException);
    }

    /** Asks for {@code key} 1.5 s after its load (a hit), then lets it expire: a key in demand, 1 s past its TTL. */
    private void askAgainThenLetExpire(SingleFlightCache<String, String> swr, String key) {
        now.addAndGet(Duration.ofMillis(1500).toNanos());
        swr.get(key, () -> "not asked: the value is fresh");
        now.addAndGet(Duration.ofMillis(1500).toNanos());
    }

    @Test
    void answersAnExpiredValueAtOnceWhileASingleRefreshRuns() {
        List<Runnable> queued = new ArrayList<>();
        SingleFlightCache<String, String> swr = staleWhileRevalidate(queued);
        AtomicInteger loads = new AtomicInteger();
        assertThat(swr.get("k", () -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        askAgainThenLetExpire(swr, "k");
        assertThat(swr.get("k", () -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        assertThat(swr.get("k", () -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        assertThat(queued).hasSize(1);
        assertThat(loads).hasValue(1);
        queued.remove(0).run();
        assertThat(swr.get("k", () -> "v" + loads.incrementAndGet())).isEqualTo("v2");
        assertThat(loads).hasValue(2);
        assertThat(queued).isEmpty();
    }

    @Test
    void aRefreshThatFailsForAPassingReasonKeepsTheOldValueAndIsTriedAgain() {
        List<Runnable> queued = new ArrayList<>();
        SingleFlightCache<String, String> swr = staleWhileRevalidate(queued);
        swr.get("k", () -> "v1");
        askAgainThenLetExpire(swr, "k");
        assertThat(swr.get("k", () -> {
            throw new IllegalStateException("rate limited");
        })).isEqualTo("v1");
        queued.remove(0).run();
        assertThat(swr.get("k", () -> "v2")).isEqualTo("v1");
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertThat(swr.get("k", () -> "v3")).isEqualTo("v2");
    }

    @Test
    void aRefreshThatFindsAPermanentFailureAnswersThatFailure() {
        List<Runnable> queued = new ArrayList<>();
        SingleFlightCache<String, String> swr = staleWhileRevalidate(queued);
        swr.get("k", () -> "v1");
        askAgainThenLetExpire(swr, "k");
        swr.get("k", () -> {
            throw new IllegalArgumentException("delisted");
        });
        queued.remove(0).run();
        assertThatThrownBy(() -> swr.get("k", () -> "v2")).hasMessage("delisted");
    }

    @Test
    void pastTheStaleWindowARequestWaitsForAFreshValue() {
        List<Runnable> queued = new ArrayList<>();
        SingleFlightCache<String, String> swr = staleWhileRevalidate(queued);
        swr.get("k", () -> "v1");
        for (int second = 1; second < 32; second++) { // asked every second; the one refresh never lands
            now.addAndGet(Duration.ofSeconds(1).toNanos());
            assertThat(swr.get("k", () -> "not loaded in this thread")).isEqualTo("v1");
        }
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(swr.get("k", () -> "v2")).isEqualTo("v2");
        assertThat(queued).hasSize(1);
    }

    @Test
    void aKeyAskedLessOftenThanOncePerTtlGetsAFreshValueNotTheOneFromItsLastAsking() {
        List<Runnable> queued = new ArrayList<>();
        SingleFlightCache<String, String> swr = staleWhileRevalidate(queued);
        swr.get("k", () -> "v1");
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(swr.get("k", () -> "v2")).isEqualTo("v2");
        assertThat(queued).isEmpty();
    }

    @Test
    void failuresAreNeverAnsweredStale() {
        List<Runnable> queued = new ArrayList<>();
        SingleFlightCache<String, String> swr = staleWhileRevalidate(queued);
        assertThatThrownBy(() -> swr.get("bad", () -> {
            throw new IllegalArgumentException("unknown code");
        })).hasMessage("unknown code");
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(swr.get("bad", () -> "listed now")).isEqualTo("listed now");
        assertThat(queued).isEmpty();
    }

    @Test
    void aRefreshLandingAfterInvalidationDoesNotBringTheOldEntryBack() {
        List<Runnable> queued = new ArrayList<>();
        SingleFlightCache<String, String> swr = staleWhileRevalidate(queued);
        swr.get("k", () -> "v1");
        askAgainThenLetExpire(swr, "k");
        swr.get("k", () -> "from before the order");
        swr.invalidateAll();
        queued.remove(0).run();
        assertThat(swr.get("k", () -> "after the order")).isEqualTo("after the order");
    }
}
