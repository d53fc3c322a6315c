package io.kisbridge.bench;

import io.kisbridge.bench.internal.DemoProcess;
import io.kisbridge.bench.internal.Options;
import io.kisbridge.bench.internal.ResultLine;
import io.kisbridge.bench.internal.Stats;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code demo} time-to-ready as the user sees it: from spawning the cli's jar ({@code java -jar
 * cli/target/kisbridge.jar demo}, the same JDK as this process) until {@code GET /health} answers 200, and until a
 * first {@code GET /v1/fn/PRICE/005930} answers a price. Needs the cli jar built (the launcher builds it).
 */
public final class ReadyDriver implements Driver {
    private static final Duration GIVE_UP = Duration.ofMinutes(2);
    private static final String FIRST_CODE = "005930";

    @Override
    public String name() {
        return "ready";
    }

    @Override
    public String summary() {
        return "demo time-to-ready: spawn the cli jar until /health answers 200 and a first PRICE cell answers";
    }

    private Options options() {
        return new Options(name())
                .option("runs", "5", "demo starts; medians")
                .option("https", "true", "let the demo create its HTTPS certificates as ./kisbridge demo does"
                        + " (false: --https-port -1)")
                .option("jar", "", "the cli's runnable jar (default: " + DemoProcess.JAR + " of this checkout)");
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options o = options();
        int runs;
        boolean https;
        try {
            if (o.parse(args)) {
                out.print(o.usage(summary()));
                return 0;
            }
            runs = o.positiveInt("runs");
            https = switch (o.string("https")) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("--https must be true or false; got '"
                        + o.string("https") + "'");
            };
        } catch (IllegalArgumentException e) {
            out.println("ready: " + e.getMessage());
            return 2;
        }
        Optional<Path> jar = o.string("jar").isEmpty() ? DemoProcess.findJar()
                : Optional.of(Path.of(o.string("jar"))).filter(p -> p.toFile().isFile());
        if (jar.isEmpty()) {
            out.println("ready: the cli jar (" + (o.string("jar").isEmpty() ? DemoProcess.JAR : o.string("jar"))
                    + ") is not built; build it with './mvnw -B -q -pl cli -am package -DskipTests' (or run"
                    + " ./kisbridge once, which builds it), or pass --jar PATH");
            return 3;
        }
        out.printf("ready: %d start(s) of java -jar %s demo (HTTPS %s)%n", runs, jar.get(), https ? "on" : "off");
        List<Long> health = new ArrayList<>();
        List<Long> price = new ArrayList<>();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            for (int r = 1; r <= runs; r++) {
                long[] t = startOnce(http, jar.get(), https);
                health.add(t[0]);
                price.add(t[1]);
                out.printf("  run %d: health 200 after %,d ms, first PRICE after %,d ms%n", r, t[0], t[1]);
            }
        } catch (IOException e) {
            out.println("ready: " + e.getMessage());
            return 1;
        }
        double h = Stats.median(health);
        double p = Stats.median(price);
        out.printf("  median: health %,.0f ms, first PRICE %,.0f ms (min %,d / max %,d)%n", h, p,
                price.stream().mapToLong(Long::longValue).min().orElseThrow(), Stats.max(price));
        out.println(new ResultLine(name()).put("health_ms", h).put("price_ms", p).put("price_ms_max", Stats.max(price))
                .put("runs", runs).put("https", https));
        return 0;
    }

    /** {health ms, first price ms} from the spawn. */
    private static long[] startOnce(HttpClient http, Path jar, boolean https) throws Exception {
        long start = System.nanoTime();
        try (DemoProcess demo = DemoProcess.start(jar, https)) {
            long deadline = start + GIVE_UP.toNanos();
            awaitAnswer(http, demo, "/health", body -> true, deadline);
            long health = (System.nanoTime() - start) / 1_000_000;
            awaitAnswer(http, demo, "/v1/fn/PRICE/" + FIRST_CODE, body -> body.strip().matches("\\d+"), deadline);
            long price = (System.nanoTime() - start) / 1_000_000;
            return new long[] {health, price};
        }
    }

    /** Polls {@code path} every 5 ms until it answers 200 with an acceptable body. */
    private static void awaitAnswer(HttpClient http, DemoProcess demo, String path,
                                    java.util.function.Predicate<String> ok, long deadline) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(demo.url() + path)).timeout(Duration.ofSeconds(30)).build();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!demo.isAlive()) {
                throw new IOException("the demo exited before " + path + " answered; its output:\n" + demo.outputTail());
            }
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && ok.test(r.body())) {
                    return;
                }
                last = "HTTP " + r.statusCode() + " " + r.body().strip();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(5); // polling a process we do not control; there is nothing to await on
        }
        throw new IOException("the demo did not answer " + path + " within " + GIVE_UP.toSeconds() + " s (last: "
                + last + "); its output:\n" + demo.outputTail());
    }
}
