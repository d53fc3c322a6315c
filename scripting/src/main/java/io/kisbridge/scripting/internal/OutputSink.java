package io.kisbridge.scripting.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Collects what a script prints (the first MiB), optionally echoing each line to a writer such as the CLI's stdout. */
public final class OutputSink extends OutputStream {
    public static final OutputStream DISCARD = OutputStream.nullOutputStream();
    private static final int MAX_KEPT = 1 << 20;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final PrintWriter echo;

    public OutputSink(PrintWriter echo) {
        this.echo = echo;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < MAX_KEPT) {
            kept.write(b);
        }
        if (echo != null) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
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
        if (echo != null && line.size() > 0) {
            echo.print(line.toString(StandardCharsets.UTF_8));
            echo.flush();
            line.reset();
        }
    }

    public synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
