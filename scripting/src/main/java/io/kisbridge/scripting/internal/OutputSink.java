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
    private static final int MAX_LINE = 1 << 20;

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
        write(new byte[] {(byte) b}, 0, 1);
    }

    /**
     * Keeps the first MiB and hands out each finished line. Bulk: a gigabyte of print took minutes byte by byte, and
     * a run in the bridge may have followers (a client streaming its output) that must get every line.
     */
    @Override
    public synchronized void write(byte[] b, int off, int len) {
        kept.write(b, off, Math.min(len, Math.max(0, MAX_KEPT - kept.size())));
        int end = off + len;
        int from = off;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                appendToLine(b, from, i + 1 - from);
                from = i + 1;
                deliverLine();
            }
        }
        appendToLine(b, from, end - from);
        deliveredKept = Math.max(0, kept.size() - line.size());
    }

    private void appendToLine(byte[] b, int off, int len) {
        line.write(b, off, Math.min(len, Math.max(0, MAX_LINE - line.size()))); // an endless line is cut, not kept
    }

    @Override
    public synchronized void flush() {
        deliverLine();
        deliveredKept = Math.max(0, kept.size() - line.size());
    }

    private void deliverLine() {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
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
