package io.kisbridge.catalogimport.realtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A source tree that is a plain directory (a work tree of the sample repository, or a test fixture). */
public final class DirectorySource implements SourceTree {
    private final Path root;

    public DirectorySource(Path root) {
        this.root = root;
    }

    @Override
    public List<String> list(String dir) throws IOException {
        Path d = root.resolve(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public Optional<String> read(String path) throws IOException {
        Path p = root.resolve(path);
        return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
    }

    @Override
    public String describe() {
        return root.toString();
    }
}
