package io.kisbridge.bench.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the wrk HTTP load tool and reads its report (requests/s, latency percentiles with --latency, errors). */
public final class Wrk {
    public static final String INSTALL_HINT = "install it with 'apt-get install wrk' (Debian/Ubuntu) or"
            + " 'brew install wrk' (macOS), or pass --wrk /path/to/wrk";

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final String executable;

    private Wrk(String executable) {
        this.executable = executable;
    }

    /**
     * {@code command}: a path, or a bare name looked up on PATH. Empty when it cannot be found or run.
     */
    public static Optional<Wrk> find(String command) {
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command)) ? Optional.of(new Wrk(command)) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(p)) {
                return Optional.of(new Wrk(p.toString()));
            }
        }
        return Optional.empty();
    }

    /** One wrk run's figures; latencies in microseconds. */
    public record Report(double requestsPerSecond, long requests, double p50Micros, double p90Micros,
                         double p99Micros, long non2xx, long socketErrors) {
    }

    /** Runs wrk with {@code --latency} against {@code url}, a Lua script given as text, and parses the report. */
    public Report run(String url, String luaScript, int threads, int connections, int seconds)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("kisbridge-wrk-", ".lua");
        try {
            Files.writeString(script, luaScript, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(executable, "--latency", "-t", Integer.toString(threads),
                    "-c", Integer.toString(connections), "-d", seconds + "s", "--timeout", "5s", "-s",
                    script.toString(), url));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("wrk did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IOException("wrk exited with " + p.exitValue() + ":\n" + output);
            }
            return parse(output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * Starts wrk on a script file and returns at once; its output is discarded. For scripts that report through
     * files of their own and are stopped by the caller ({@link Process#destroy()}) when they have.
     */
    public Process start(String url, Path script, int threads, int connections, int seconds) throws IOException {
        return new ProcessBuilder(executable, "-t", Integer.toString(threads), "-c", Integer.toString(connections),
                "-d", seconds + "s", "--timeout", "60s", "-s", script.toString(), url)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    static Report parse(String output) throws IOException {
        Matcher rps = RPS.matcher(output);
        Matcher total = TOTAL.matcher(output);
        if (!rps.find() || !total.find()) {
            throw new IOException("could not read wrk's report:\n" + output);
        }
        double[] pct = new double[100];
        Matcher m = PERCENTILE.matcher(output);
        while (m.find()) {
            pct[Integer.parseInt(m.group(1))] = micros(Double.parseDouble(m.group(2)), m.group(3));
        }
        if (pct[50] == 0 || pct[99] == 0) {
            throw new IOException("wrk's report has no latency distribution (--latency):\n" + output);
        }
        Matcher non2xx = NON_2XX.matcher(output);
        long errors = 0;
        Matcher se = SOCKET_ERRORS.matcher(output);
        if (se.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(se.group(g));
            }
        }
        return new Report(Double.parseDouble(rps.group(1)), Long.parseLong(total.group(1)), pct[50], pct[90], pct[99],
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, errors);
    }

    private static double micros(double value, String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            case "s" -> value * 1_000_000;
            case "m" -> value * 60_000_000;
            default -> throw new IllegalArgumentException(unit);
        };
    }
}
