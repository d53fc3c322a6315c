package io.kisbridge.scripting.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Collects what a script prints (the first MiB), handing each finished line to an echo writer (the CLI's stdout)
 * and to followers (a client streaming the run's output) as it is printed.
 */
public final class OutputSink extends OutputStream {
    public static final OutputStream DISCARD = OutputStream.nullOutputStream();
    private static final int MAX_KEPT = 1 << 20;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final PrintWriter echo;
    private final List<Consumer<String>> followers = new CopyOnWriteArrayList<>();
    /** Bytes of {@link #kept} already handed out as whole lines (what a new follower is given first). */
    private int deliveredKept;

    public OutputSink(PrintWriter echo) {
        this.echo = echo;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < MAX_KEPT) {
            kept.write(b);
        }
        line.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (echo == null) {
            // past the first MiB a print costs nothing but the call (a gigabyte of print took minutes byte by byte)
            kept.write(b, off, Math.min(len, Math.max(0, MAX_KEPT - kept.size())));
            return;
        }
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        deliveredKept = kept.size();
        if (echo != null) {
            echo.print(text);
            echo.flush();
        }
        for (Consumer<String> f : followers) {
            f.accept(text);
        }
    }

    /**
     * Hands {@code follower} what was printed so far (of the first MiB), then every line as it is printed, on the
     * printing thread (the follower must not block).
     */
    public synchronized void follow(Consumer<String> follower) {
        if (deliveredKept > 0) {
            follower.accept(new String(kept.toByteArray(), 0, deliveredKept, StandardCharsets.UTF_8));
        }
        followers.add(follower);
    }

    public synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
