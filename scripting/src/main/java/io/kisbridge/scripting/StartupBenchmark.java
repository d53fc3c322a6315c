package io.kisbridge.scripting;

import io.kisbridge.core.KisClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures what a script costs to start and to call the host: the first run of a language in this JVM (engine
 * and language initialisation: "cold"), later runs on the shared engine ("warm": a fresh sandboxed context, the
 * host API prelude, a trivial script, the run's thread), and one host call ({@code cells.publish}) against one
 * guest-only function call. Makes no KIS request. Meaningful only as the first scripting work of a JVM.
 */
public final class StartupBenchmark {
    /** Figures for one language; times in milliseconds, calls in microseconds. */
    public record Figures(ScriptLanguage language, double coldRunMillis, double coldContextMillis,
                          double warmRunMedianMillis, double warmContextMedianMillis, double hostCallMicros,
                          double guestCallMicros) {
        public String line() {
            return String.format(java.util.Locale.ROOT,
                    "%-10s cold run %7.0f ms (context %6.0f ms) | warm run median %6.1f ms (context %6.1f ms) | "
                            + "host call %7.2f us, guest call %6.2f us",
                    language.name().toLowerCase(java.util.Locale.ROOT), coldRunMillis, coldContextMillis,
                    warmRunMedianMillis, warmContextMedianMillis, hostCallMicros, guestCallMicros);
        }
    }

    private static final String JS_CALLS = """
            const n = Number(args[0]);
            const noop = (i) => i + 1;
            let t0 = Date.now();
            for (let i = 0; i < n; i++) { noop(i); }
            const guest = Date.now() - t0;
            t0 = Date.now();
            for (let i = 0; i < n; i++) { cells.publish('bench.call', i); }
            cells.publish('bench.result', {guest, host: Date.now() - t0});
            """;
    private static final String PY_CALLS = """
            import time
            n = int(args[0])
            def noop(i):
                return i + 1
            t0 = time.time()
            for i in range(n):
                noop(i)
            guest = (time.time() - t0) * 1000
            t0 = time.time()
            for i in range(n):
                cells.publish("bench.call", i)
            cells.publish("bench.result", {"guest": guest, "host": (time.time() - t0) * 1000})
            """;

    private StartupBenchmark() {
    }

    public static List<Figures> measure(KisClient client, int warmRuns, int calls) throws InterruptedException {
        List<Figures> out = new ArrayList<>();
        try (ScriptRuntime runtime = ScriptRuntime.builder(client).timeout(Duration.ofMinutes(5))
                .statementLimit(Long.MAX_VALUE / 2).build()) {
            for (ScriptLanguage l : ScriptLanguage.values()) {
                String name = "bench" + l.extension();
                String trivial = l == ScriptLanguage.PYTHON ? "x = 1 + 1\n" : "const x = 1 + 1;\n";
                long t0 = System.nanoTime();
                ScriptRun cold = runtime.start(name, trivial, List.of());
                cold.join();
                double coldMs = (System.nanoTime() - t0) / 1e6;
                List<Double> warm = new ArrayList<>();
                List<Double> warmCtx = new ArrayList<>();
                for (int i = 0; i < warmRuns; i++) {
                    long t = System.nanoTime();
                    ScriptRun r = runtime.start(name, trivial, List.of());
                    r.join();
                    warm.add((System.nanoTime() - t) / 1e6);
                    warmCtx.add(r.contextStartTime().toNanos() / 1e6);
                    runtime.forget(r.id());
                }
                runtime.start(name, l == ScriptLanguage.PYTHON ? PY_CALLS : JS_CALLS, List.of(Integer.toString(calls)))
                        .join();
                Map<?, ?> result = (Map<?, ?>) runtime.published().value("bench.result").orElseThrow();
                double host = ((Number) result.get("host")).doubleValue() * 1000 / calls;
                double guest = ((Number) result.get("guest")).doubleValue() * 1000 / calls;
                out.add(new Figures(l, coldMs, cold.contextStartTime().toNanos() / 1e6, median(warm), median(warmCtx),
                        host, guest));
            }
        }
        return out;
    }

    private static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
