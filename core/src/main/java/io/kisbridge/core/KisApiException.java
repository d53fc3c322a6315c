package io.kisbridge.core;

/** KIS answered with {@code rt_cd != "0"} (or a gateway error body): msg_cd, trimmed msg1, the TR ID and HTTP status. */
public final class KisApiException extends KisException {
    private final String msgCd;
    private final String msg1;
    private final String trId;
    private final int httpStatus;

    public KisApiException(String msgCd, String msg1, String trId, int httpStatus) {
        super("KIS " + (trId == null || trId.isEmpty() ? "" : trId + " ") + "answered " + msgCd + ": "
                + (msg1 == null ? "" : msg1.strip()) + " (HTTP " + httpStatus + ")");
        this.msgCd = msgCd;
        this.msg1 = msg1 == null ? "" : msg1.strip();
        this.trId = trId;
        this.httpStatus = httpStatus;
    }

    public String msgCd() {
        return msgCd;
    }

    public String msg1() {
        return msg1;
    }

    public String trId() {
        return trId;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
