package io.kisbridge.scripting;

/**
 * Why a script run failed, with the script's own file name and line when the failure happened in it
 * ({@code line} 0 when unknown, e.g. a wall-clock stop while waiting for events).
 */
public final class ScriptException extends RuntimeException {
    /** What ended the run. */
    public enum Kind {
        /** The script raised an error (its own, or a refused/failed host call it did not catch). */
        ERROR,
        /** A syntax error. */
        SYNTAX,
        /** The wall-clock limit of the run passed. */
        TIMEOUT,
        /** The statement limit was exceeded (a runaway loop). */
        STATEMENT_LIMIT,
        /** Stopped from outside (the CLI, the bridge). */
        STOPPED,
        /** Stopped by the memory guard (the heap nearly full, this run allocating the most), or out of memory. */
        MEMORY
    }

    private final Kind kind;
    private final String fileName;
    private final int line;

    public ScriptException(Kind kind, String fileName, int line, String message) {
        super(format(fileName, line, message));
        this.kind = kind;
        this.fileName = fileName;
        this.line = line;
    }

    private static String format(String fileName, int line, String message) {
        return fileName + (line > 0 ? ":" + line : "") + ": " + message;
    }

    public Kind kind() {
        return kind;
    }

    public String fileName() {
        return fileName;
    }

    public int line() {
        return line;
    }
}
