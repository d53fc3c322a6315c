package io.kisbridge.core;

/** An access token, approval key or hashkey could not be obtained or was refused after a re-issue. */
public final class KisAuthException extends KisException {
    private final String msgCd;

    public KisAuthException(String msgCd, String message) {
        super(message);
        this.msgCd = msgCd;
    }

    public KisAuthException(String msgCd, String message, Throwable cause) {
        super(message, cause);
        this.msgCd = msgCd;
    }

    /** The KIS code (e.g. EGW00133) when the server gave one, otherwise empty. */
    public String msgCd() {
        return msgCd == null ? "" : msgCd;
    }
}
