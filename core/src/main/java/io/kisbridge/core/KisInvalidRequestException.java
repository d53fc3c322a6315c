package io.kisbridge.core;

/** The caller asked for something the catalog cannot send: unknown API, unknown or missing parameter. */
public final class KisInvalidRequestException extends KisException {
    public KisInvalidRequestException(String message) {
        super(message);
    }
}
