package io.kisbridge.core;

/** The request could not be sent or its answer not received (connection refused, timeout, interrupted). */
public final class KisTransportException extends KisException {
    public KisTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
