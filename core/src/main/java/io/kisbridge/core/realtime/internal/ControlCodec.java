package io.kisbridge.core.realtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds subscribe/unsubscribe requests and decodes control messages (kis-reference.md §7). Thread-safe. */
public final class ControlCodec {
    /** {@code tr_type} of a registration. */
    public static final String SUBSCRIBE = "1";
    public static final String UNSUBSCRIBE = "2";

    private static final ControlMessage MALFORMED = new ControlMessage.Malformed();
    private static final ControlMessage PING_PONG = new ControlMessage.PingPong();

    private final ObjectMapper json = new ObjectMapper();

    /** The request JSON; it carries the approval key, so it must never be logged. */
    public String request(String approvalKey, String trType, String trId, String trKey) {
        ObjectNode root = json.createObjectNode();
        ObjectNode header = root.putObject("header");
        header.put("approval_key", approvalKey);
        header.put("custtype", "P");
        header.put("tr_type", trType);
        header.put("content-type", "utf-8");
        ObjectNode input = root.putObject("body").putObject("input");
        input.put("tr_id", trId);
        input.put("tr_key", trKey);
        return root.toString();
    }

    public ControlMessage decode(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (Exception e) {
            return MALFORMED;
        }
        JsonNode header = root == null ? null : root.get("header");
        if (header == null) {
            return MALFORMED;
        }
        String trId = header.path("tr_id").asText("");
        if ("PINGPONG".equals(trId)) {
            return PING_PONG;
        }
        JsonNode body = root.path("body");
        String msgCd = body.path("msg_cd").asText("");
        String msg1 = body.path("msg1").asText("").trim();
        String trKey = header.path("tr_key").asText("");
        JsonNode output = body.path("output");
        boolean keyed = output.hasNonNull("key") && output.hasNonNull("iv");
        return new ControlMessage.Ack(trId, trKey, msgCd, msg1, keyed ? output.get("key").asText() : null,
                keyed ? output.get("iv").asText() : null);
    }
}
