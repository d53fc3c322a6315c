package io.kisbridge.catalogimport.realtime;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Read access to a checkout of KIS's sample repository ({@code koreainvestment/open-trading-api}) or to a
 * test fixture in the same layout. Paths are relative and use {@code /}.
 */
public interface SourceTree {
    /** Names of the entries directly under {@code dir}, sorted; empty when the directory does not exist. */
    List<String> list(String dir) throws IOException;

    /** The UTF-8 text of a file, or empty when it does not exist. */
    Optional<String> read(String path) throws IOException;

    /** A human-readable name of the source, for messages and the data files' provenance line. */
    String describe();
}
