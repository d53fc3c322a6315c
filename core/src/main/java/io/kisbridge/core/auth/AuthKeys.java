package io.kisbridge.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.core.KisApiException;
import io.kisbridge.core.KisAuthException;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.internal.Json;
import io.kisbridge.core.rest.Gateway;
import io.kisbridge.core.rest.HashkeySource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The WebSocket approval key (POST /oauth2/Approval, cached in memory) and order hashkeys (POST /uapi/hashkey). */
public final class AuthKeys implements HashkeySource {
    private static final Duration APPROVAL_REUSE = Duration.ofHours(23);

    private final KisConfig config;
    private final Gateway gateway;
    private String approvalKey;
    private Instant approvalIssuedAt;

    public AuthKeys(KisConfig config, Gateway gateway) {
        this.config = config;
        this.gateway = gateway;
    }

    /** The approval key for the realtime WebSocket; issued once and reused for 23 h. */
    public synchronized String approvalKey() {
        Instant now = config.clock().instant();
        if (approvalKey != null && now.isBefore(approvalIssuedAt.plus(APPROVAL_REUSE))) {
            return approvalKey;
        }
        ObjectNode body = Json.object();
        body.put("grant_type", "client_credentials");
        body.put("appkey", config.appKey());
        body.put("secretkey", config.appSecret()); // the app secret under the name "secretkey" (reference §4.3)
        JsonNode answer;
        try {
            answer = gateway.exchange("POST", "/oauth2/Approval", Map.of("content-type", "application/json; charset=utf-8"),
                    Json.write(body), "Approval").body();
        } catch (KisApiException e) {
            throw new KisAuthException(e.msgCd(), "KIS refused the WebSocket approval key: " + e.msgCd() + " " + e.msg1(), e);
        }
        String key = Json.text(answer, "approval_key");
        if (key.isBlank()) {
            throw new KisAuthException("", "KIS answered the approval request without an approval_key");
        }
        approvalKey = key;
        approvalIssuedAt = now;
        return key;
    }

    /** Forget the approval key (e.g. after the WebSocket gateway refused it). */
    public synchronized void forgetApprovalKey() {
        approvalKey = null;
    }

    @Override
    public String hashkey(String jsonBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("appkey", config.appKey());
        headers.put("appsecret", config.appSecret());
        JsonNode answer;
        try {
            answer = gateway.exchange("POST", "/uapi/hashkey", headers, jsonBody, "hashkey").body();
        } catch (KisApiException e) {
            throw new KisAuthException(e.msgCd(), "KIS refused to compute the order hashkey: " + e.msgCd() + " "
                    + e.msg1() + "; the order was not sent", e);
        }
        String hash = Json.text(answer, "HASH");
        if (hash.isBlank()) {
            throw new KisAuthException("", "KIS answered the hashkey request without HASH; the order was not sent");
        }
        return hash;
    }
}
