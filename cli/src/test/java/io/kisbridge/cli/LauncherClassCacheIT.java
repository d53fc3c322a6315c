package io.kisbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./kisbridge} launcher's class cache, driven as a user runs it: made in the background after the first
 * run, used by the next, ignored with one line when damaged and made again. Uses the jar of the package phase.
 */
@Timeout(1800)
class LauncherClassCacheIT {
    private static final Path LAUNCHER = Path.of("..", "kisbridge").toAbsolutePath().normalize();
    private static final Duration TRAINING = Duration.ofMinutes(12);

    record Result(int exitCode, String out, String err) {
    }

    private static Result launch(Path cacheDir, String javaOpts, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder();
        pb.command().add(LAUNCHER.toString());
        pb.command().addAll(Arrays.asList(args));
        Map<String, String> env = pb.environment();
        env.put("KISBRIDGE_NO_BUILD", "1");
        env.put("KISBRIDGE_CACHE_DIR", cacheDir.toString());
        env.remove("KISBRIDGE_CLASS_CACHE");
        if (javaOpts != null) {
            env.put("KISBRIDGE_JAVA_OPTS", javaOpts);
        }
        Path out = Files.createTempFile(cacheDir.getParent(), "out", ".txt");
        Path err = Files.createTempFile(cacheDir.getParent(), "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the launcher ends").isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Waits (bounded) until the background training has left a cache and its stamp and released its lock. */
    private static Path awaitCache(Path cacheDir) {
        String cache = await("a class cache in " + cacheDir).atMost(TRAINING).pollInterval(Duration.ofSeconds(1))
                .until(() -> finishedCache(cacheDir), Optional::isPresent).orElseThrow();
        return cacheDir.resolve(cache);
    }

    private static Optional<String> finishedCache(Path cacheDir) throws Exception {
        try (var files = Files.list(cacheDir)) {
            var names = files.map(f -> f.getFileName().toString()).toList();
            return names.stream().filter(n -> n.matches("kisbridge-jdk\\d+\\.(aot|jsa)")).findFirst()
                    .filter(c -> names.contains(c + ".stamp") && names.stream().noneMatch(n -> n.endsWith(".lock")));
        }
    }

    @Test
    void theFirstRunLeavesAClassCacheTheNextUsesItAndADamagedOneIsIgnoredWithOneLineAndMadeAgain(@TempDir Path dir)
            throws Exception {
        Path cacheDir = Files.createDirectories(dir.resolve("cache"));
        Result first = launch(cacheDir, null, "--version");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assumeTrue(first.out().matches("(?s).*on Java (2[5-9]|[3-9]\\d).*"), "the AOT cache checks need JDK 25+: "
                + first.out());

        Path cache = awaitCache(cacheDir);
        assertThat(cache.getFileName().toString()).endsWith(".aot");
        Result used = launch(cacheDir, "-Xlog:aot=info", "--version");
        assertThat(used.exitCode()).isZero();
        assertThat(used.out()).contains("Opened AOT cache " + cache).contains("kisbridge");

        try (RandomAccessFile f = new RandomAccessFile(cache.toFile(), "rw")) {
            f.write("not a class cache".getBytes(StandardCharsets.US_ASCII));
        }
        Result damaged = launch(cacheDir, null, "--version");
        assertThat(damaged.exitCode()).isZero();
        assertThat(damaged.out()).contains("kisbridge");
        assertThat(damaged.err().lines().toList()).singleElement().asString()
                .contains("class cache").contains("damaged; ignoring it");

        Path again = awaitCache(cacheDir);
        Result usedAgain = launch(cacheDir, "-Xlog:aot=info", "--version");
        assertThat(usedAgain.out()).contains("Opened AOT cache " + again);
    }
}
