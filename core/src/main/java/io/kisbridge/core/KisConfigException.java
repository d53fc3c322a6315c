package io.kisbridge.core;

/** The configuration is missing or malformed; {@link #variable()} names what to fix (e.g. KIS_APP_KEY). */
public final class KisConfigException extends KisException {
    private final String variable;

    public KisConfigException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
