package io.kisbridge.scripting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MemoryGuardTest {
    private static final long MAX = 1000L << 20;

    @Test
    void stopsNobodyWhileWhatSurvivesACollectionIsBelowTheFraction() throws Exception {
        List<String> stopped = new CopyOnWriteArrayList<>();
        CountDownLatch watching = new CountDownLatch(1);
        Thread bomb = new Thread(() -> {
            await(watching);
            byte[][] keep = new byte[64][];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = new byte[1 << 20];
            }
        });
        bomb.start();
        try (MemoryGuard guard = new MemoryGuard(0.8, () -> 10_000_000_000L)) {
            guard.watch(bomb, why -> stopped.add(why));
            watching.countDown();
            bomb.join();
            guard.afterGc(799L << 20, MAX);
            assertThat(stopped).isEmpty();
        }
    }

    @Test
    void blamesTheBiggestAllocatorSinceThePreviousCollectionAndThenWaits() throws Exception {
        AtomicLong now = new AtomicLong(10_000_000_000L);
        List<String> stopped = new CopyOnWriteArrayList<>();
        CountDownLatch watching = new CountDownLatch(1);
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread bomb = new Thread(() -> {
            await(watching);
            byte[][] keep = new byte[64][];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = new byte[1 << 20];
            }
            allocated.countDown();
            await(release);
            assertThat(keep[0]).hasSize(1 << 20);
        });
        Thread quiet = new Thread(() -> await(release));
        bomb.start();
        quiet.start();
        try (MemoryGuard guard = new MemoryGuard(0.8, now::get)) {
            guard.watch(bomb, why -> stopped.add("bomb: " + why));
            guard.watch(quiet, why -> stopped.add("quiet: " + why));
            watching.countDown();
            allocated.await();
            guard.afterGc(900L << 20, MAX);
            assertThat(stopped).hasSize(1);
            assertThat(stopped.get(0)).startsWith("bomb: the heap was 900 of 1000 MiB full")
                    .contains("a memory bomb?");
            guard.afterGc(950L << 20, MAX); // within the quiet period: the stopped run's memory is still being freed
            assertThat(stopped).hasSize(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void onlyFullCollectionsCountAsTheLiveHeap() {
        assertThat(MemoryGuard.countsLiveData("G1 Young Generation", "end of minor GC")).isFalse();
        assertThat(MemoryGuard.countsLiveData("G1 Old Generation", "end of major GC")).isTrue();
        assertThat(MemoryGuard.countsLiveData("G1 Concurrent GC", "end of concurrent GC pause")).isFalse();
        assertThat(MemoryGuard.countsLiveData("ZGC Major Cycles", "end of GC cycle")).isTrue();
        assertThat(MemoryGuard.countsLiveData("PS Scavenge", "end of minor GC")).isFalse();
        assertThat(MemoryGuard.countsLiveData("PS MarkSweep", "end of major GC")).isTrue();
    }

    @Test
    void refusesAFractionOutsideZeroToOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MemoryGuard(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
