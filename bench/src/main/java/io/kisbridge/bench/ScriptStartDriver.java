package io.kisbridge.bench;

import io.kisbridge.bench.internal.Options;
import io.kisbridge.bench.internal.ResultLine;
import io.kisbridge.bench.internal.Stats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-command time of a one-line script ({@code print(kis.price("005930"))}) as a user meets it, from the
 * command's start to its printed line: {@code ./kisbridge script run FILE --env demo --standalone} (cold, its own
 * JVM, simulator and engine) and the same through a running {@code ./kisbridge demo} (its key from the demo's state
 * directory), in JavaScript and Python; {@code node} and {@code python3} printing a line, when installed, in the
 * same run.
 */
final class ScriptStartDriver implements Driver {
    private static final Pattern BRIDGE_URL = Pattern.compile("bridge on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern KEY_FILE = Pattern.compile("bridge key +(\\S+bridge\\.key)");

    @Override
    public String name() {
        return "script-start";
    }

    @Override
    public String summary() {
        return "one-line script from the command's start to its printed line: standalone, through a bridge, node, python3";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options o = new Options(name())
                .option("runs", "3", "timed runs of each command (after one untimed run); medians")
                .option("launcher", "", "the ./kisbridge launcher (default: the one of this checkout)");
        if (o.parse(args)) {
            out.print(o.usage(summary()));
            return 0;
        }
        int runs = o.positiveInt("runs");
        Path launcher = o.string("launcher").isEmpty() ? defaultLauncher() : Path.of(o.string("launcher"));
        if (!Files.isExecutable(launcher)) {
            out.println("script-start: no launcher at " + launcher + " (--launcher PATH)");
            return 3;
        }
        Path dir = Files.createTempDirectory("kisbridge-script-start-");
        Path js = Files.writeString(dir.resolve("one.js"), "print(kis.price(\"005930\"))\n");
        Path py = Files.writeString(dir.resolve("one.py"), "print(kis.price(\"005930\"))\n");
        out.printf("script-start: %d timed run(s) each, load %s%n", runs, load());
        ResultLine result = new ResultLine(name()).put("runs", runs);
        result.put("standalone_js_ms", report(out, "standalone JavaScript", runs,
                List.of(launcher.toString(), "script", "run", js.toString(), "--env", "demo", "--standalone")));
        result.put("standalone_py_ms", report(out, "standalone Python", runs,
                List.of(launcher.toString(), "script", "run", py.toString(), "--env", "demo", "--standalone")));
        Process demo = new ProcessBuilder(launcher.toString(), "demo", "--port", "0", "--https-port", "-1",
                "--interval-ms", "3600000").redirectErrorStream(true).start();
        try {
            String[] bridge = awaitBridge(demo);
            for (Path f : List.of(js, py)) {
                String lang = f.toString().endsWith(".js") ? "JavaScript" : "Python";
                result.put("bridge_" + (lang.equals("Python") ? "py" : "js") + "_ms", report(out,
                        "through the bridge, " + lang, runs, List.of(launcher.toString(), "script", "run",
                                f.toString(), "--bridge", bridge[0], "--state-dir", bridge[1], "--env", "demo")));
            }
        } finally {
            demo.destroy();
            demo.waitFor(30, TimeUnit.SECONDS);
        }
        if (onPath("node")) {
            result.put("node_ms", report(out, "node", runs, List.of("node", "-e", "console.log(1)")));
        }
        if (onPath("python3")) {
            result.put("python3_ms", report(out, "python3", runs, List.of("python3", "-c", "print(1)")));
        }
        out.println("  targets: standalone JavaScript <= 1,500 ms, Python <= 3,000 ms; through a bridge <= 600 ms");
        out.println(result);
        return 0;
    }

    private static double report(PrintStream out, String label, int runs, List<String> command) throws Exception {
        timeToFirstLine(command); // untimed: the first start after a build, or a cache still being made
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ms.add(timeToFirstLine(command));
        }
        double median = Stats.median(ms);
        out.printf("  %-32s median %,7.0f ms  (runs %s)%n", label, median, ms);
        return median;
    }

    /** Milliseconds from the spawn to the first line of output (the command then runs to its end). */
    private static long timeToFirstLine(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long first = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            if (r.readLine() != null) {
                first = (System.nanoTime() - start) / 1_000_000;
            }
            while (r.readLine() != null) {
                // drain
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || first < 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed (exit " + (p.isAlive() ? "none" : p.exitValue())
                    + ")");
        }
        return first;
    }

    /** {url, state dir} of the demo once it answers and both languages' first runs are done. */
    private static String[] awaitBridge(Process demo) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        String url = null;
        String key = null;
        String line;
        while ((url == null || key == null) && (line = r.readLine()) != null) {
            Matcher u = BRIDGE_URL.matcher(line);
            Matcher k = KEY_FILE.matcher(line);
            if (u.find()) {
                url = u.group(1);
            }
            if (k.find()) {
                key = k.group(1);
            }
        }
        if (url == null || key == null) {
            throw new IOException("the demo did not print its bridge address and key file");
        }
        Thread drain = new Thread(() -> {
            try {
                while (r.readLine() != null) {
                    // the price table
                }
            } catch (IOException ignored) {
                // the demo ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < end) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return new String[] {url, Path.of(key).getParent().toString()};
                    }
                } catch (IOException notYet) {
                    // starting
                }
                Thread.sleep(50);
            }
        }
        throw new IOException("the demo bridge did not answer /health within 5 minutes");
    }

    private static Path defaultLauncher() throws Exception {
        Path jar = Path.of(ScriptStartDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent().getParent().resolve("kisbridge"); // bench/target/benchmarks.jar
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
