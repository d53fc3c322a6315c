package io.kisbridge.core.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisbridge.core.KisApiException;
import io.kisbridge.core.KisHttpException;
import io.kisbridge.core.internal.Json;
import java.util.Optional;

/**
 * The one place that turns an HTTP answer into a result or an exception. KIS answers business errors with
 * HTTP 200 and {@code rt_cd != "0"}, gateway errors (EGW00xxx) usually with 500, and the token endpoint's
 * "too frequent" with 403 and an OAuth-style {@code error_code} body; all are parsed regardless of status.
 */
public final class ResponseMapper {
    public static final String RATE_LIMITED = "EGW00201";
    public static final String TOKEN_EXPIRED = "EGW00123";
    public static final String TOKEN_INVALID = "EGW00121";
    public static final String TOKEN_TOO_FREQUENT = "EGW00133";

    private ResponseMapper() {
    }

    /** The parsed body when the call succeeded; otherwise throws KisApiException or KisHttpException. */
    public static JsonNode envelope(HttpTransport.Reply reply, String trId) {
        Optional<JsonNode> parsed = Json.parse(reply.body());
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            String body = reply.body() == null ? "" : reply.body();
            throw new KisHttpException(reply.status(), trId,
                    body.isBlank() ? "empty body" : "body is not a JSON object (" + body.length() + " characters)");
        }
        JsonNode body = parsed.get();
        JsonNode rtCd = body.get("rt_cd");
        if (rtCd != null) {
            if ("0".equals(rtCd.asText().strip())) {
                return body;
            }
            throw new KisApiException(Json.text(body, "msg_cd").strip(), Json.text(body, "msg1"), trId, reply.status());
        }
        JsonNode errorCode = body.get("error_code");
        if (errorCode != null) {
            throw new KisApiException(errorCode.asText().strip(), Json.text(body, "error_description"), trId, reply.status());
        }
        if (reply.status() / 100 == 2) {
            return body; // auth endpoints answer without an rt_cd envelope
        }
        throw new KisHttpException(reply.status(), trId, "JSON body without rt_cd or error_code");
    }

    public static boolean isTokenRejected(KisApiException e) {
        return TOKEN_EXPIRED.equals(e.msgCd()) || TOKEN_INVALID.equals(e.msgCd());
    }
}
