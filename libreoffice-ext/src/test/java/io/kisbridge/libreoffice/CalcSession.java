package io.kisbridge.libreoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One headless soffice on a throwaway profile and the {@code calc_driver.py} process that speaks UNO to it
 * (system python3 with python3-uno): {@link #command} sends one driver command and returns its JSON answer.
 */
final class CalcSession implements AutoCloseable {
    static final List<Path> SOFFICE = List.of(Path.of("/usr/bin/soffice"),
            Path.of("/usr/lib/libreoffice/program/soffice"), Path.of("/opt/libreoffice/program/soffice"));
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Process office;
    private final Process driver;
    private final Writer toDriver;
    private final BufferedReader fromDriver;

    private CalcSession(Process office, Process driver) {
        this.office = office;
        this.driver = driver;
        this.toDriver = new OutputStreamWriter(driver.getOutputStream(), StandardCharsets.UTF_8);
        this.fromDriver = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8));
    }

    static Optional<Path> soffice() {
        return SOFFICE.stream().filter(Files::isExecutable).findFirst();
    }

    static boolean pythonHasUno() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import uno").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** A fresh profile in {@code dir}/profile that trusts documents and recalculates on load. */
    static Path freshProfile(Path dir) throws IOException {
        Path profile = dir.resolve("profile");
        Files.createDirectories(profile.resolve("user"));
        try (InputStream in = CalcSession.class.getResourceAsStream("/libreoffice-ext/registrymodifications.xcu")) {
            Files.copy(in, profile.resolve("user/registrymodifications.xcu"));
        }
        return profile;
    }

    /** Starts soffice on {@code profile} with {@code env} added, and the driver connected to it. */
    static CalcSession start(Path soffice, Path profile, Path dir, Map<String, String> env) throws IOException {
        Path script = dir.resolve("calc_driver.py");
        if (!Files.exists(script)) {
            try (InputStream in = CalcSession.class.getResourceAsStream("/libreoffice-ext/calc_driver.py")) {
                Files.copy(in, script);
            }
        }
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                "--accept=socket,host=127.0.0.1,port=" + port + ";urp;")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("soffice.log").toFile()));
        pb.environment().putAll(env);
        Process office = pb.start();
        Process driver = new ProcessBuilder(PYTHON.toString(), script.toString(), Integer.toString(port))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("driver.log").toFile())).start();
        return new CalcSession(office, driver);
    }

    /** One command (its arguments joined by tabs); the driver's JSON answer. */
    JsonNode command(String... parts) throws IOException {
        toDriver.write(String.join("\t", parts) + "\n");
        toDriver.flush();
        String line = fromDriver.readLine();
        if (line == null) {
            throw new IOException("the UNO driver ended (see driver.log and soffice.log)");
        }
        return MAPPER.readTree(line);
    }

    /** Terminates soffice through UNO, then makes sure both processes are gone. */
    @Override
    public void close() throws IOException {
        try {
            if (driver.isAlive()) {
                command("quit");
            }
            if (!office.waitFor(30, TimeUnit.SECONDS)) {
                office.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            driver.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.destroyForcibly();
            office.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
