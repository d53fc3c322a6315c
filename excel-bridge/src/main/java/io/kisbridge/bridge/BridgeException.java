package io.kisbridge.bridge;

/**
 * A cell or API request the bridge itself refuses. Together with core's sealed {@code KisException} it is
 * everything {@code internal.ErrorMapping} turns into cell errors and HTTP answers.
 */
public final class BridgeException extends RuntimeException {
    /** How the failure shows in a cell: BAD_INPUT as {@code #VALUE!}, NOT_AVAILABLE as {@code #N/A}. */
    public enum Kind { BAD_INPUT, NOT_AVAILABLE, FORBIDDEN }

    private final Kind kind;

    public BridgeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static BridgeException badInput(String message) {
        return new BridgeException(Kind.BAD_INPUT, message);
    }

    public static BridgeException notAvailable(String message) {
        return new BridgeException(Kind.NOT_AVAILABLE, message);
    }

    public static BridgeException forbidden(String message) {
        return new BridgeException(Kind.FORBIDDEN, message);
    }

    public Kind kind() {
        return kind;
    }
}
