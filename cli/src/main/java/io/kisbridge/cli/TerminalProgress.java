package io.kisbridge.cli;

import io.kisbridge.bridge.workbook.RefreshProgress;
import java.io.PrintWriter;

/**
 * A progress bar on stderr when it is a terminal (redrawn in place, at most ten times a second); otherwise one plain
 * line when a phase starts and one when it ends, so logs of cron jobs stay readable.
 */
final class TerminalProgress implements RefreshProgress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private String phase = "";
    private long lastDraw;
    private boolean drawn;

    TerminalProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Whether stderr is an interactive terminal (Console.isTerminal on JDK 22+, else a console exists). */
    static boolean stderrIsTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public synchronized void update(String newPhase, int done, int total) {
        boolean changed = !newPhase.equals(phase);
        if (changed) {
            finishLine();
            phase = newPhase;
            if (!terminal && total > 1) {
                err.println("kisbridge: " + newPhase + " " + total + " ...");
                err.flush();
            }
        }
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (!changed && done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int filled = total <= 0 ? 0 : (int) ((long) WIDTH * Math.min(done, total) / total);
        err.print(String.format("\r  %-10s [%s%s] %,d/%,d", newPhase, "#".repeat(filled), "-".repeat(WIDTH - filled),
                done, total));
        err.flush();
        drawn = true;
    }

    synchronized void finish() {
        finishLine();
    }

    private void finishLine() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }
}
