package io.kisbridge.core.rest;

/** Supplies the access token for the authorization header (implemented by the auth package). */
public interface TokenSource {
    /** A valid token, issuing one if needed. */
    String token();

    /** The gateway rejected {@code rejected} (EGW00123/EGW00121): a replacement, issued at most once per rejection. */
    String renewAfterRejection(String rejected);
}
