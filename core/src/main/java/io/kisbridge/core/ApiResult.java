package io.kisbridge.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisbridge.core.internal.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw answer of one catalog API, with pages already joined: the rows block holds the rows of every page,
 * the other blocks are those of the first page.
 *
 * @param apiName catalog name
 * @param trId    TR ID that was sent
 * @param msgCd   KIS message code of the (last) answer
 * @param msg1    KIS message, trimmed
 * @param outputs output blocks by name (output, output1, output2) as Jackson nodes
 * @param pages   number of requests made
 */
public record ApiResult(String apiName, String trId, String msgCd, String msg1, Map<String, JsonNode> outputs,
                        String rowsBlock, int pages) {

    public ApiResult {
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** An output block, or a missing node when the answer had none. */
    public JsonNode output(String block) {
        JsonNode n = outputs.get(block);
        return n == null ? Json.MAPPER.missingNode() : n;
    }

    /** The rows block as string maps (an object block is one row); KIS sends every value as a string. */
    public List<Map<String, String>> rows() {
        return rowsOf(rowsBlock);
    }

    public List<Map<String, String>> rowsOf(String block) {
        JsonNode n = output(block);
        List<Map<String, String>> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(r -> out.add(Json.toStringMap(r)));
        } else if (n.isObject()) {
            out.add(Json.toStringMap(n));
        }
        return out;
    }
}
