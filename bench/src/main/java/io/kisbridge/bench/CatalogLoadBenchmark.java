package io.kisbridge.bench;

import io.kisbridge.core.ApiSpec;
import io.kisbridge.core.Catalog;
import io.kisbridge.core.internal.CatalogData;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The catalog at start-up. {@code firstTouch}: the first {@code Catalog.all()} in a fresh JVM, which loads and
 * checks the data files (one shot per fork, so it includes class loading as a real start-up does). {@code reload}: the
 * same data read again in a warm JVM. {@link #main} prints the heap the loaded catalog keeps and the first-touch time
 * in this JVM, for a side-by-side run against an older build's classes.
 */
@State(Scope.Benchmark)
public class CatalogLoadBenchmark {

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int firstTouch() {
        return Catalog.all().size();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(1)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public List<ApiSpec> reload() {
        return CatalogData.load();
    }

    /** {@code java -cp CLASSPATH io.kisbridge.bench.CatalogLoadBenchmark}: first touch (ms) and retained heap (bytes). */
    public static void main(String[] args) {
        long before = settledHeap();
        long t0 = System.nanoTime();
        int n = Catalog.all().size();
        long t1 = System.nanoTime();
        long after = settledHeap();
        System.out.printf("apis=%d firstTouchMs=%.1f retainedHeapBytes=%d%n", n, (t1 - t0) / 1e6, after - before);
    }

    private static long settledHeap() {
        var mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) System.gc();
        return mem.getHeapMemoryUsage().getUsed();
    }
}
