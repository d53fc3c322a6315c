package io.kisbridge.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.core.internal.Json;
import java.util.List;
import java.util.Map;

/**
 * The catalog as a JSON array, one object per API: what {@code GET /v1/catalog} and {@code ./kisbridge call --list
 * --json} print. Fields: name, docId, title, description, group, kind, method, path, trIds (every TR ID it may send),
 * trIdsByVariant, paper, markets, paging, params (name, required, default, description, role), outputs (block →
 * field codes).
 */
public final class CatalogListing {
    private CatalogListing() {
    }

    public static ArrayNode json(List<ApiSpec> apis) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (ApiSpec s : apis) {
            ObjectNode o = list.addObject();
            o.put("name", s.name());
            o.put("docId", s.docId());
            o.put("title", s.title());
            o.put("description", s.description());
            o.put("group", s.group());
            o.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
            o.put("method", s.method());
            o.put("path", s.path());
            ArrayNode tr = o.putArray("trIds");
            s.allTrIds().forEach(tr::add);
            ObjectNode byVariant = o.putObject("trIdsByVariant");
            for (Map.Entry<String, ApiSpec.TrIds> e : s.trIds().entrySet()) {
                ObjectNode v = byVariant.putObject(e.getKey().isEmpty() ? "default" : e.getKey());
                v.put("real", e.getValue().real());
                v.put("paper", e.getValue().paper());
            }
            o.put("paper", s.availableInPaper());
            ArrayNode markets = o.putArray("markets");
            s.markets().forEach(markets::add);
            o.put("paging", s.paging().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode params = o.putArray("params");
            for (ApiParam p : s.params()) {
                ObjectNode po = params.addObject();
                po.put("name", p.name());
                po.put("required", p.required());
                po.put("default", p.defaultValue());
                po.put("description", p.description());
                po.put("role", p.role().name().toLowerCase(java.util.Locale.ROOT));
            }
            ObjectNode outputs = o.putObject("outputs");
            s.outputFields().forEach((block, fields) -> {
                ArrayNode codes = outputs.putArray(block);
                fields.forEach(f -> codes.add(f.code()));
            });
        }
        return list;
    }
}
