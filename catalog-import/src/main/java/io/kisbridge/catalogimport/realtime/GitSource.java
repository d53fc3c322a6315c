package io.kisbridge.catalogimport.realtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A source tree read from one commit of a bare git directory with the {@code git} program
 * ({@code ls-tree}, {@code show}), so that a mirror needs no work tree.
 */
public final class GitSource implements SourceTree {
    private final Path gitDir;
    private final String revision;

    public GitSource(Path gitDir, String revision) {
        this.gitDir = gitDir;
        this.revision = revision;
    }

    /** The full commit id the revision names (for the data files' provenance). */
    public String commit() throws IOException {
        return run("rev-parse", revision).orElseThrow(() -> new IOException("no revision " + revision + " in " + gitDir)).strip();
    }

    @Override
    public List<String> list(String dir) throws IOException {
        Optional<String> out = run("ls-tree", "--name-only", revision + ":" + dir);
        return out.map(s -> Arrays.stream(s.split("\n")).filter(l -> !l.isBlank()).sorted().toList()).orElse(List.of());
    }

    @Override
    public Optional<String> read(String path) throws IOException {
        return run("show", revision + ":" + path);
    }

    @Override
    public String describe() {
        return gitDir + "@" + revision;
    }

    /** The command's standard output, or empty when git exits non-zero (no such path). */
    private Optional<String> run(String... args) throws IOException {
        String[] command = new String[args.length + 2];
        command[0] = "git";
        command[1] = "--git-dir=" + gitDir;
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            out = buffer.toByteArray();
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("git " + String.join(" ", args) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
    }
}
