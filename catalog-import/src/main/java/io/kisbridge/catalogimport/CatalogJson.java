package io.kisbridge.catalogimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes catalog data in a stable, diff-friendly layout: a value whose compact form fits in a line stays on one line
 * (one output field, one parameter), larger ones are expanded one member per line. Same input, same bytes.
 */
public final class CatalogJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int LINE = 150;

    private CatalogJson() {
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, 0, out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, int indent, StringBuilder out) {
        String compact = compact(node);
        if (!node.isContainerNode() || compact.length() + indent <= LINE || node.isEmpty()) {
            out.append(compact);
            return;
        }
        String pad = " ".repeat(indent + 2);
        if (node.isArray()) {
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(pad);
                write(node.get(i), indent + 2, out);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            out.append(" ".repeat(indent)).append(']');
        } else {
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(pad).append(compact(MAPPER.getNodeFactory().textNode(e.getKey()))).append(": ");
                write(e.getValue(), indent + 2, out);
                out.append(it.hasNext() ? ",\n" : "\n");
            }
            out.append(" ".repeat(indent)).append('}');
        }
    }

    private static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
