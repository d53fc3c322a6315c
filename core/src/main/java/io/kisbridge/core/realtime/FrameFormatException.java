package io.kisbridge.core.realtime;

/**
 * The only exception {@link FrameParser} throws: the text is not a usable KIS data frame. The message
 * never contains the payload (it may be an execution notice with an account number) or key material.
 * Thrown often under attack or on a bad link, so it skips the stack trace.
 */
public final class FrameFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Not {@code E|TRID|NNN|payload}: missing separators, bad flag or bad record count. */
        MALFORMED,
        /** A TR ID with no declared schema. */
        UNKNOWN_TR_ID,
        /** The field count is not a whole multiple of the declared record count. */
        FIELD_COUNT,
        /** Encrypted frame for a TR with no key/iv from a subscribe ack. */
        NO_KEY,
        /** Base64, padding or key mismatch while decrypting. */
        DECRYPTION_FAILED
    }

    private final Reason reason;
    private final String trId;

    public FrameFormatException(Reason reason, String trId, String detail) {
        super(reason + (trId == null ? "" : " [" + trId + "]") + (detail == null ? "" : ": " + detail), null, false, false);
        this.reason = reason;
        this.trId = trId;
    }

    public Reason reason() {
        return reason;
    }

    /** The frame's TR ID when it could be read, else null. */
    public String trId() {
        return trId;
    }
}
