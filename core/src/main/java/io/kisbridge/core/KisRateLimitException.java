package io.kisbridge.core;

/** KIS kept answering EGW00201 (calls per second exceeded) after the client's bounded retries. */
public final class KisRateLimitException extends KisException {
    private final String trId;
    private final int attempts;

    public KisRateLimitException(String trId, int attempts) {
        super("KIS rejected " + trId + " with EGW00201 (too many calls per second) " + attempts + " times in a row");
        this.trId = trId;
        this.attempts = attempts;
    }

    public String trId() {
        return trId;
    }

    public int attempts() {
        return attempts;
    }
}
