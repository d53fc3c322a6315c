package io.kisbridge.scripting.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Collects what a script prints (bounded), optionally echoing it to a stream such as the CLI's stdout. */
public final class OutputSink extends OutputStream {
    public static final OutputStream DISCARD = OutputStream.nullOutputStream();
    private static final int MAX_KEPT = 1 << 20;

    private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
    private final PrintStream echo;

    public OutputSink(PrintStream echo) {
        this.echo = echo;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < MAX_KEPT) {
            kept.write(b);
        }
        if (echo != null) {
            echo.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (kept.size() < MAX_KEPT) {
            kept.write(b, off, Math.min(len, MAX_KEPT - kept.size()));
        }
        if (echo != null) {
            echo.write(b, off, len);
        }
    }

    @Override
    public synchronized void flush() {
        if (echo != null) {
            echo.flush();
        }
    }

    public synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
