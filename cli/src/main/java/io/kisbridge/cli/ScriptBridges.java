package io.kisbridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.bridge.BridgeOptions;
import io.kisbridge.core.KisConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Which bridge {@code script run} hands a script to. Named with {@code --bridge}: that one, whatever it answers.
 * Otherwise the bridge on the default port, when its key is in the state directory ({@code bridge.key}, written by
 * {@code serve}; {@code demo-bridge.key}, written by {@code demo}, for {@code --env demo}) and, for real and paper,
 * when it serves the environment asked for.
 */
final class ScriptBridges {
    /** Where {@code ./kisbridge demo} leaves a copy of its bridge key (its own state directory is a throwaway one). */
    static final String DEMO_KEY_FILE = "demo-bridge.key";
    static final String KEY_FILE = "bridge.key";
    private static final Duration PROBE = Duration.ofMillis(800);

    private ScriptBridges() {
    }

    /** The client for the bridge to use, or null to run standalone. */
    static BridgeScriptClient client(URI named, ConfigOptions config) {
        Path dir = stateDir(config);
        Path keyFile = config.isDemo() && Files.isRegularFile(dir.resolve(DEMO_KEY_FILE)) ? dir.resolve(DEMO_KEY_FILE)
                : dir.resolve(KEY_FILE);
        if (named != null) {
            return new BridgeScriptClient(named, keyFile);
        }
        if (!Files.isRegularFile(keyFile)) {
            return null;
        }
        URI base = URI.create("http://127.0.0.1:" + BridgeOptions.DEFAULT_PORT);
        if (!config.isDemo() && !servesEnvironment(base, environment(config))) {
            return null;
        }
        return new BridgeScriptClient(base, keyFile);
    }

    /**
     * Copies a demo bridge's key to {@code demo-bridge.key} in the user's state directory (rw-------), so that
     * {@code script run --env demo} finds it; answers the copy, to {@link #withdrawDemoKey} at exit.
     */
    static Path publishDemoKey(Path keyFile) throws IOException {
        Path dir = stateDir(new ConfigOptions());
        Files.createDirectories(dir);
        Path copy = dir.resolve(DEMO_KEY_FILE);
        Files.deleteIfExists(copy);
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(copy, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(copy, Files.readString(keyFile));
        return copy;
    }

    /** Removes the copy unless another demo has replaced it since. */
    static void withdrawDemoKey(Path copy, Path keyFile) {
        try {
            if (Files.readString(copy).equals(Files.readString(keyFile))) {
                Files.delete(copy);
            }
        } catch (IOException e) {
            // gone already, or the demo's state directory went first: a stale copy is refused by the next bridge
        }
    }

    /** The state directory the flags and KIS_STATE_DIR name, as every command reads it. */
    static Path stateDir(ConfigOptions config) {
        if (config.stateDir != null) {
            return config.stateDir;
        }
        String env = System.getenv("KIS_STATE_DIR");
        return env != null && !env.isBlank() ? Path.of(env.strip()) : KisConfig.defaultStateDir();
    }

    /** A name the bridge accepts for the run (letters, digits, {@code ._ -}), keeping the file's extension. */
    static String runName(Path file) {
        String n = file.getFileName().toString().replaceAll("[^A-Za-z0-9._ -]", "_");
        if (!Character.isLetterOrDigit(n.charAt(0))) {
            n = "s" + n;
        }
        return n.length() <= 100 ? n : n.substring(0, 97) + n.substring(n.lastIndexOf('.'));
    }

    private static String environment(ConfigOptions config) {
        String env = config.env != null && !config.env.isBlank() ? config.env : System.getenv("KIS_ENV");
        return env == null || env.isBlank() ? "real" : env.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean servesEnvironment(URI base, String environment) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PROBE).build();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(PROBE).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200
                    && environment.equals(new ObjectMapper().readTree(r.body()).path("environment").asText());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
