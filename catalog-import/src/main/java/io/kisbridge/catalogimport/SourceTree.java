package io.kisbridge.catalogimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Read-only view of a copy of KIS's official sample repository: either a checked-out directory or a bare git
 * directory (read with {@code git ls-tree}/{@code git show}). Paths use {@code /}.
 */
public interface SourceTree {

    /** Every file path below a directory prefix (e.g. {@code examples_llm/etfetn/}), sorted. */
    List<String> files(String prefix);

    /** The text of a file, empty when absent. */
    Optional<String> read(String path);

    /** The commit the files come from, or {@code "unknown"}. */
    String commit();

    /** A bare git directory when {@code location} holds {@code HEAD} and {@code objects/}, otherwise a directory tree. */
    static SourceTree open(Path location) {
        if (Files.isRegularFile(location.resolve("HEAD")) && Files.isDirectory(location.resolve("objects"))) {
            return new GitDirTree(location);
        }
        if (!Files.isDirectory(location)) {
            throw new IllegalArgumentException("not a directory: " + location);
        }
        return new DirectoryTree(location);
    }

    /** A checked-out copy; its commit is read from {@code git rev-parse} when it is a work tree, else a COMMIT file. */
    final class DirectoryTree implements SourceTree {
        private final Path root;

        DirectoryTree(Path root) {
            this.root = root;
        }

        @Override
        public List<String> files(String prefix) {
            Path dir = root.resolve(prefix);
            if (!Files.isDirectory(dir)) return List.of();
            try (Stream<Path> s = Files.walk(dir)) {
                return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Optional<String> read(String path) {
            Path p = root.resolve(path);
            try {
                return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String commit() {
            Optional<String> file = read("COMMIT");
            if (file.isPresent()) return file.get().strip();
            if (Files.exists(root.resolve(".git"))) {
                return Git.run(List.of("git", "-C", root.toString(), "rev-parse", "HEAD")).strip();
            }
            return "unknown";
        }
    }

    /** A bare git directory, read at HEAD. */
    final class GitDirTree implements SourceTree {
        private final Path gitDir;
        private List<String> all;

        GitDirTree(Path gitDir) {
            this.gitDir = gitDir;
        }

        @Override
        public synchronized List<String> files(String prefix) {
            if (all == null) {
                all = Git.run(List.of("git", "--git-dir=" + gitDir, "ls-tree", "-r", "--name-only", "-z", "HEAD"))
                        .lines().flatMap(l -> Stream.of(l.split("\0"))).filter(s -> !s.isEmpty()).sorted().toList();
            }
            List<String> out = new ArrayList<>();
            for (String f : all) if (f.startsWith(prefix)) out.add(f);
            return out;
        }

        @Override
        public Optional<String> read(String path) {
            if (!files(path).contains(path)) return Optional.empty();
            return Optional.of(Git.run(List.of("git", "--git-dir=" + gitDir, "show", "HEAD:" + path)));
        }

        @Override
        public String commit() {
            return Git.run(List.of("git", "--git-dir=" + gitDir, "rev-parse", "HEAD")).strip();
        }
    }

    /** Runs git and returns its standard output; a failure names the command. */
    final class Git {
        private Git() {
        }

        static String run(List<String> command) {
            try {
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) throw new IllegalStateException("failed: " + String.join(" ", command));
                return new String(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
            }
        }
    }
}
