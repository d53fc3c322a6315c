package io.kisbridge.bridge;

/**
 * A cell or API request the bridge itself refuses. Together with core's sealed {@code KisException} it is
 * everything {@code internal.ErrorMapping} turns into cell errors and HTTP answers.
 */
public final class BridgeException extends RuntimeException {
    /**
     * How the failure shows in a cell: BAD_INPUT as {@code #VALUE!}, NOT_AVAILABLE and WAITING (the answer did not
     * come within the request's deadline; it is still being loaded) as {@code #N/A}.
     */
    public enum Kind { BAD_INPUT, NOT_AVAILABLE, FORBIDDEN, WAITING }

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

    /** The value is still being loaded after the request's deadline; {@code reason} says what it waits for. */
    public static BridgeException waiting(String reason) {
        return new BridgeException(Kind.WAITING, reason);
    }

    public static BridgeException forbidden(String message) {
        return new BridgeException(Kind.FORBIDDEN, message);
    }

    public Kind kind() {
        return kind;
    }
}
