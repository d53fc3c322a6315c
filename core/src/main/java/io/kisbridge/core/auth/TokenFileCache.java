package io.kisbridge.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.core.KisConfigException;
import io.kisbridge.core.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token cache file {@code <state-dir>/tokens/<env>-<sha256(appkey) prefix>.json}: readable only by the user
 * (rw-------, directory rwx------), replaced atomically (temp file + move) so a reader never sees half a file.
 */
public final class TokenFileCache {
    private static final Logger LOG = LoggerFactory.getLogger(TokenFileCache.class);
    private static final Set<PosixFilePermission> FILE_PERMS = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_PERMS = PosixFilePermissions.fromString("rwx------");

    private final Path file;

    public TokenFileCache(Path file) {
        this.file = file;
    }

    public static Path fileFor(Path stateDir, String environment, String keyId) {
        return stateDir.resolve("tokens").resolve(environment + "-" + keyId + ".json");
    }

    public Path file() {
        return file;
    }

    public Optional<CachedToken> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Optional<JsonNode> n = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (n.isEmpty() || !n.get().hasNonNull("access_token")) {
                return Optional.empty();
            }
            JsonNode j = n.get();
            return Optional.of(new CachedToken(j.get("access_token").asText(),
                    Instant.parse(j.get("issued_at").asText()), Instant.parse(j.get("expires_at").asText())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable token cache {} ({})", file.getFileName(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    public void write(CachedToken token) {
        try {
            Path dir = file.getParent();
            createPrivateDirectory(dir);
            ObjectNode j = Json.object();
            j.put("access_token", token.accessToken());
            j.put("issued_at", token.issuedAt().toString());
            j.put("expires_at", token.expiresAt().toString());
            Path tmp = createPrivateTempFile(dir);
            try {
                Files.writeString(tmp, Json.write(j), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // A read-only state dir must not stop trading; the token stays cached in memory.
            LOG.warn("Cannot write the token cache in {}: {}", file.getParent(), e.getClass().getSimpleName());
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new KisConfigException("state-dir", "cannot delete the token cache " + file + ": " + e.getMessage());
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        try {
            if (posix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_PERMS));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // created concurrently
        }
    }

    private static Path createPrivateTempFile(Path dir) throws IOException {
        if (posix(dir)) {
            return Files.createTempFile(dir, ".token-", ".tmp", PosixFilePermissions.asFileAttribute(FILE_PERMS));
        }
        Path tmp = Files.createTempFile(dir, ".token-", ".tmp");
        tmp.toFile().setReadable(false, false);
        tmp.toFile().setReadable(true, true);
        tmp.toFile().setWritable(false, false);
        tmp.toFile().setWritable(true, true);
        return tmp;
    }
}
