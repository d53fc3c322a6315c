package io.kisbridge.bridge.internal.addin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.bridge.CellFunction;
import io.kisbridge.bridge.FnArg;
import io.kisbridge.bridge.FunctionSet;
import io.kisbridge.bridge.internal.fn.ScriptFunction;
import java.util.List;

/**
 * The Office.js custom-functions metadata (functions.json) generated from the {@link FunctionSet}, plus the
 * streaming functions the add-in implements over /v1/stream (STREAM, BOOK, FILLS, and SCRIPT, which is a plain
 * function over WEBSERVICE but live in the add-in). Served at
 * {@code /addin/functions.json}; never written by hand.
 */
public final class AddinMetadata {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AddinMetadata() {
    }

    public static ObjectNode functionsJson(FunctionSet functions) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("functions");
        for (CellFunction f : functions.all()) {
            if (f.name().equals(ScriptFunction.NAME)) {
                continue; // declared below as a streaming function
            }
            ObjectNode o = list.addObject();
            o.put("id", f.name());
            o.put("name", f.name());
            o.put("description", f.description());
            ArrayNode ps = o.putArray("parameters");
            for (FnArg a : f.args()) {
                ObjectNode p = ps.addObject();
                p.put("name", a.name());
                p.put("description", a.description() + (a.defaultValue() == null || a.defaultValue().isEmpty() ? ""
                        : " (default " + a.defaultValue() + ")"));
                p.put("type", officeType(a.type()));
                p.put("optional", a.optional());
            }
            ObjectNode result = o.putObject("result");
            result.put("type", "any");
            result.put("dimensionality", f.shape() == CellFunction.Shape.TABLE ? "matrix" : "scalar");
            if (f.shape() == CellFunction.Shape.TABLE && f.args().stream().anyMatch(a -> a.name().equals("field"))) {
                // with a field the answer is one value; Excel accepts a 1x1 matrix for it
                o.put("description", f.description() + " (with field: one value)");
            }
        }
        streaming(list, "STREAM", "Live value of a trade field (price by default) pushed from the realtime feed",
                List.of(param("code", "stock code, e.g. 005930", "string", false),
                        param("field", "friendly name or KIS field (stck_prpr, cntg_vol ...)", "string", true)));
        streaming(list, "BOOK", "Live order-book price or quantity at a level (1-10) and side (ask/bid)",
                List.of(param("code", "stock code", "string", false),
                        param("level", "1 to 10", "number", true),
                        param("side", "ask or bid (or askqty/bidqty)", "string", true)));
        streaming(list, "FILLS", "Live table of today's execution notices of the account", List.of());
        streaming(list, ScriptFunction.NAME, "Live value a script publishes with cells.publish(name, value): one value,"
                + " or a table for objects and lists",
                List.of(param("name", "the published name, e.g. momentum.top", "string", false)));
        return root;
    }

    private static ObjectNode param(String name, String description, String type, boolean optional) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("name", name);
        p.put("description", description);
        p.put("type", type);
        p.put("optional", optional);
        return p;
    }

    private static void streaming(ArrayNode list, String name, String description, List<ObjectNode> params) {
        ObjectNode o = list.addObject();
        o.put("id", name);
        o.put("name", name);
        o.put("description", description);
        ArrayNode ps = o.putArray("parameters");
        params.forEach(ps::add);
        ObjectNode result = o.putObject("result");
        result.put("type", "any");
        result.put("dimensionality", name.equals("FILLS") || name.equals(ScriptFunction.NAME) ? "matrix" : "scalar");
        ObjectNode options = o.putObject("options");
        options.put("stream", true);
        options.put("cancelable", true);
    }

    private static String officeType(FnArg.Type t) {
        return switch (t) {
            case NUMBER -> "number";
            case BOOL -> "boolean";
            case CODES, FIELDS -> "any"; // a range or a comma list
            default -> "string";
        };
    }
}
