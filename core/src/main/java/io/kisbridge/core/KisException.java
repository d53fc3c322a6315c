package io.kisbridge.core;

/**
 * Every failure the client reports. Callers (the bridge, scripts) switch over the sealed subtypes:
 * API answers ({@link KisApiException}), rate limits, auth, HTTP, transport, configuration, bad input and
 * paper-trading refusals. Messages never contain keys, secrets, tokens or account numbers.
 */
public abstract sealed class KisException extends RuntimeException
        permits KisApiException, KisRateLimitException, KisAuthException, KisHttpException, KisTransportException,
                KisConfigException, KisUnsupportedInPaperException, KisInvalidRequestException {

    protected KisException(String message) {
        super(message);
    }

    protected KisException(String message, Throwable cause) {
        super(message, cause);
    }
}
