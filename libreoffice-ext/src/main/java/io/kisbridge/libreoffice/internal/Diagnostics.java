package io.kisbridge.libreoffice.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Where the add-in says what happened to its connections: the file KISBRIDGE_CALC_LOG names, else
 * java.util.logging (LibreOffice shows neither by default). Never a value of the account: only URLs and errors.
 */
public final class Diagnostics {
    private static final Logger LOG = Logger.getLogger("io.kisbridge.libreoffice");
    private static final String FILE = System.getenv("KISBRIDGE_CALC_LOG");

    private Diagnostics() {
    }

    public static void log(Supplier<String> message) {
        if (FILE == null || FILE.isBlank()) {
            LOG.fine(message);
            return;
        }
        try {
            Files.writeString(Path.of(FILE), Instant.now() + " " + message.get() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.fine(message);
        }
    }
}
