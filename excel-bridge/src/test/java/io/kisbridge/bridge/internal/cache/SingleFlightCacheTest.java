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
}
