package io.kisbridge.bench.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./kisbridge demo} as a child process: the cli's runnable jar on this JVM's own java, on free ports, its
 * output in a temporary log file. Closing it stops the process (SIGTERM, then kill after 15 s).
 */
public final class DemoProcess implements AutoCloseable {
    /** Where the launcher builds the cli's runnable jar, relative to the repository root. */
    public static final String JAR = "cli/target/kisbridge.jar";

    private final Process process;
    private final Path log;
    private final int port;

    private DemoProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * The cli jar next to this code (bench/target/... → ../../cli/target/kisbridge.jar) or under the working
     * directory, if it has been built.
     */
    public static Optional<Path> findJar() {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(DemoProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException ignored) {
            // no code source: look from the working directory only
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path jar = dir.resolve(JAR);
                if (Files.isRegularFile(jar)) {
                    return Optional.of(jar);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts {@code java -jar jar demo --port P --https-port Q} ({@code -1} with {@code https} false). */
    public static DemoProcess start(Path jar, boolean https) throws IOException {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow"); // as the launcher does (GraalVM's Truffle)
        }
        cmd.addAll(List.of("-jar", jar.toString(), "demo", "--port", Integer.toString(port), "--https-port",
                Integer.toString(https ? freePort() : -1)));
        Path log = Files.createTempFile("kisbridge-demo-", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new DemoProcess(p, log, port);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the demo printed, for an error message. */
    public String outputTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }

    /** A port free right now (the demo binds it a moment later; another process taking it first is unlikely). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
