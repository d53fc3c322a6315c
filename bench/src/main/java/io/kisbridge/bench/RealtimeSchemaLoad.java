package io.kisbridge.bench;

/**
 * Start-up cost of the realtime schemas, in a fresh JVM: Jackson's first use timed apart, then the class
 * initialisation of {@code RealtimeSchemas} and the heap it keeps (after {@code System.gc()}). Run a few times;
 * see BENCHMARKS.md "Realtime schemas from data".
 */
public final class RealtimeSchemaLoad {
    private RealtimeSchemaLoad() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"a\":[1,\"b\"]}");
        long t1 = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Class.forName("io.kisbridge.core.realtime.RealtimeSchemas");
        long t2 = System.nanoTime();
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("jackson_first_use_ms=%.1f schemas_ms=%.1f retained_kb=%d%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                (after - before) / 1024);
    }
}
