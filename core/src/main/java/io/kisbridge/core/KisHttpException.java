package io.kisbridge.core;

/** An answer that is not a KIS JSON envelope (HTML error page, empty body, unexpected status). */
public final class KisHttpException extends KisException {
    private final int status;
    private final String trId;

    public KisHttpException(int status, String trId, String detail) {
        super("Unexpected HTTP " + status + " answer" + (trId == null || trId.isEmpty() ? "" : " to " + trId)
                + ": " + detail);
        this.status = status;
        this.trId = trId;
    }

    public int status() {
        return status;
    }

    public String trId() {
        return trId;
    }
}
