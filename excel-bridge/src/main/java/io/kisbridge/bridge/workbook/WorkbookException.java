package io.kisbridge.bridge.workbook;

/** A workbook that cannot be read or written (missing, not xlsx, password-protected, I/O). The message is for users. */
public final class WorkbookException extends RuntimeException {
    public enum Kind { MISSING, NOT_XLSX, ENCRYPTED, UNREADABLE, WRITE_FAILED }

    private final Kind kind;

    public WorkbookException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public WorkbookException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
