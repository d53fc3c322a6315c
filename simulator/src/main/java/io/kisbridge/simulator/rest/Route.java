package io.kisbridge.simulator.rest;

import java.util.List;

/**
 * One KIS REST API as the simulator serves it, transcribed from kis-reference.md independently of core.
 *
 * @param realTrIds  accepted real TR IDs, current ones first, then deprecated aliases
 * @param paperTrIds accepted paper TR IDs; empty = not offered in paper (answers 90000000)
 * @param required   parameters that must be present (may be empty), as the reference marks them with *
 * @param post       POST with an UPPER-CASE JSON body, else GET with a query string
 */
public record Route(String name, String docId, boolean post, String path, List<String> realTrIds,
                    List<String> paperTrIds, List<String> required, List<String> optional, ApiHandler handler) {

    public static final String BASE = "/uapi/domestic-stock/v1/";

    public boolean paperSupported() {
        return !paperTrIds.isEmpty();
    }

    public boolean hasAccount() {
        return required.contains("CANO");
    }
}
