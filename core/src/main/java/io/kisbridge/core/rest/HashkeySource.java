package io.kisbridge.core.rest;

/** Computes the hashkey header for a POST body (POST /uapi/hashkey). */
public interface HashkeySource {
    String hashkey(String jsonBody);
}
