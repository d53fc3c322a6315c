package io.kisbridge.bridge.internal.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The random key non-browser clients present as X-Bridge-Key: a new one at every start, written to
 * {@code <state-dir>/bridge.key} readable and writable by the user only (rw-------).
 */
public final class BridgeKey {
    public static final String FILE_NAME = "bridge.key";
    public static final String HEADER = "X-Bridge-Key";

    private final byte[] key;
    private final Path file;

    private BridgeKey(String key, Path file) {
        this.key = key.getBytes(StandardCharsets.US_ASCII);
        this.file = file;
    }

    public static BridgeKey create(Path stateDir, SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Path file = stateDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(stateDir);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Files.deleteIfExists(file);
            if (posix) {
                Set<PosixFilePermission> userOnly = PosixFilePermissions.fromString("rw-------");
                Files.createFile(file, PosixFilePermissions.asFileAttribute(userOnly));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bridge key to " + file, e);
        }
        return new BridgeKey(key, file);
    }

    public Path file() {
        return file;
    }

    /** Constant-time comparison with a presented key. */
    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(key, presented.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
