package io.kisbridge.bridge.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kisbridge.bridge.FunctionSet;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BENCHMARKS.md figure: refreshing a workbook of 2,000 KIS.PRICE cells (read, collect, call, spill, evaluate,
 * write) against the in-process simulator, median of 7 runs after 2 warm-ups, each with a fresh function set (an
 * empty cache, so every run pays its KIS calls). Runs only with -Dkisbridge.bench=true.
 */
@Timeout(300)
class RefreshBenchmarkIT {
    private static final int CELLS = 2000;
    private static final int WARMUPS = 2;
    private static final int RUNS = 7;

    @Test
    void refreshingTwoThousandPriceCells(@TempDir Path dir) throws Exception {
        assumeTrue(Boolean.getBoolean("kisbridge.bench"), "benchmark: run with -Dkisbridge.bench=true");
        try (SimFixture f = new SimFixture(dir.resolve("state"))) {
            List<String> codes = f.sim.market().codes();
            Path in = dir.resolve("prices.xlsx");
            try (XSSFWorkbook wb = Books.create(); OutputStream os = Files.newOutputStream(in)) {
                XSSFSheet s = wb.createSheet("Prices");
                for (int i = 0; i < CELLS; i++) {
                    Books.value(s, "A" + (i + 1), codes.get(i % codes.size()));
                    Books.formula(s, "B" + (i + 1), "KIS.PRICE(A" + (i + 1) + ")");
                }
                wb.write(os);
            }
            f.functions.invoke("QUOTE", "005930"); // token outside the measurement
            List<Long> millis = new ArrayList<>();
            long calls = 0;
            for (int run = 0; run < WARMUPS + RUNS; run++) {
                f.sim.counters().reset();
                try (FunctionSet fresh = FunctionSet.create(f.client, Duration.ofSeconds(2), Duration.ofMillis(5))) {
                    long t0 = System.nanoTime();
                    RefreshReport r = new WorkbookRefresher(fresh).refreshFile(in, dir.resolve("out.xlsx"), false,
                            RefreshProgress.NONE);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertThat(r.errors()).isEmpty();
                    assertThat(r.kisCells()).isEqualTo(CELLS);
                    if (run >= WARMUPS) {
                        millis.add(ms);
                    }
                }
                calls = f.sim.counters().callsByTrId().values().stream().mapToLong(Long::longValue).sum();
                assertThat(f.sim.counters().rateLimitRejections()).isZero();
            }
            Collections.sort(millis);
            System.out.printf("BENCH refresh %d KIS.PRICE cells: median %d ms (min %d, max %d, %d runs), %d KIS calls"
                    + " per refresh%n", CELLS, millis.get(RUNS / 2), millis.get(0), millis.get(RUNS - 1), RUNS, calls);
            assertThat(calls).isLessThanOrEqualTo(24);
        }
    }
}
