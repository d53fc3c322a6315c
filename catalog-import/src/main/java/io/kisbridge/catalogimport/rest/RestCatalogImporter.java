package io.kisbridge.catalogimport.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.catalogimport.CatalogJson;
import io.kisbridge.catalogimport.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds one group's imported catalog file ({@code domestic_stock.json}, {@code etfetn.json}) from the official
 * sample repository: every folder of {@code examples_llm/<group>/} whose API file has an {@code API_URL} (the
 * realtime folders have none), with its chk file's output fields and the MCP config's parameter defaults.
 */
public final class RestCatalogImporter {
    public static final String REPOSITORY = "koreainvestment/open-trading-api";
    private static final Set<String> MARKETS = Set.of("J", "NX", "UN");

    private final SourceTree source;

    public RestCatalogImporter(SourceTree source) {
        this.source = source;
    }

    public ObjectNode importGroup(String group) {
        ObjectNode root = CatalogJson.MAPPER.createObjectNode();
        ObjectNode src = root.putObject("source");
        src.put("repository", REPOSITORY);
        src.put("commit", source.commit());
        root.put("group", group);
        Map<String, JsonNode> mcp = mcpParams(group);
        ArrayNode apis = root.putArray("apis");
        String prefix = "examples_llm/" + group + "/";
        Set<String> folders = new LinkedHashSet<>();
        for (String f : source.files(prefix)) {
            String rest = f.substring(prefix.length());
            if (rest.contains("/")) folders.add(rest.substring(0, rest.indexOf('/')));
        }
        for (String id : folders) {
            Optional<String> py = source.read(prefix + id + "/" + id + ".py");
            if (py.isEmpty() || py.get().lines().noneMatch(l -> l.startsWith("API_URL"))) continue;
            ApiSource api = ApiSource.parse(id, py.get());
            ColumnSource cols = ColumnSource.parse(id, source.read(prefix + id + "/chk_" + id + ".py").orElse(""));
            apis.add(entry(api, cols, mcp.get(id)));
        }
        return root;
    }

    private ObjectNode entry(ApiSource api, ColumnSource cols, JsonNode mcp) {
        ObjectNode e = CatalogJson.MAPPER.createObjectNode();
        e.put("id", api.id());
        e.put("docId", api.docId());
        e.put("title", api.title());
        e.put("category", api.category());
        e.put("menu", api.menu());
        e.put("method", api.post() ? "POST" : "GET");
        e.put("path", api.path());
        ArrayNode trs = e.putArray("trIds");
        for (ApiSource.Tr t : api.trIds()) {
            ObjectNode o = trs.addObject();
            if (t.variant() != null) o.put("variant", t.variant());
            o.put("real", t.real());
            o.put("paper", t.paper());
        }
        if (api.variantArg() != null) {
            ApiSource.Arg a = api.args().get(api.variantArg());
            ParamText text = ParamText.parse(a == null ? null : a.text());
            ObjectNode v = e.putObject("variantParam");
            v.put("name", api.variantArg());
            v.put("label", text.label());
            v.set("values", CatalogJson.MAPPER.valueToTree(text.values()));
        }
        ArrayNode params = e.putArray("params");
        Set<String> markets = new LinkedHashSet<>();
        List<String> ctx = new ArrayList<>();
        for (ApiSource.Param p : api.params()) {
            ApiSource.Arg arg = p.arg() == null ? null : api.args().get(p.arg());
            JsonNode mcpParam = mcp == null || p.arg() == null ? null : mcp.path("params").get(p.arg());
            ParamText text = ParamText.parse(arg != null ? arg.text()
                    : mcpParam != null ? mcpParam.path("description").asText(null) : null);
            ObjectNode o = params.addObject();
            o.put("name", p.name());
            boolean required = !p.optional() && (p.literal() != null || arg == null
                    || text.requiredMark() || arg.requiredMessage() || !arg.hasDefault());
            o.put("required", required);
            String def = p.literal();
            if (def == null && arg != null && arg.hasDefault()) def = arg.defaultValue();
            if (def == null && mcpParam != null && mcpParam.path("default_value").isTextual()) {
                def = mcpParam.path("default_value").asText();
            }
            o.put("default", def);
            if (p.optional()) o.put("optional", true);
            o.put("label", text.label());
            if (!text.values().isEmpty()) o.set("values", CatalogJson.MAPPER.valueToTree(text.values()));
            String example = p.arg() == null ? null : cols.exampleArgs().get(p.arg());
            if (example == null) example = text.example();
            if (example == null && !text.values().isEmpty()) example = text.values().keySet().iterator().next();
            if (example == null) example = p.literal();
            o.put("example", example);
            if (p.name().equalsIgnoreCase("FID_COND_MRKT_DIV_CODE")) {
                for (String k : text.values().keySet()) if (MARKETS.contains(k)) markets.add(k);
            }
            if (p.name().toUpperCase(Locale.ROOT).startsWith("CTX_AREA")) ctx.add(p.name());
        }
        ObjectNode paging = e.putObject("paging");
        paging.put("style", api.trCont() ? "tr_cont" : "none");
        if (api.trCont() && !ctx.isEmpty()) paging.set("ctxKeys", CatalogJson.MAPPER.valueToTree(ctx));
        e.set("markets", CatalogJson.MAPPER.valueToTree(List.copyOf(markets)));
        outputs(e, api.blocks(), api.singleRowBlocks(), cols);
        return e;
    }

    /**
     * Output blocks with their fields. The chk file lists every field of every block in one mapping; when a field
     * code repeats, the next block has begun. Where the repeats do not give one run per block, the fields are written
     * as {@code unassignedFields} (the curated file may say where each block starts). {@code rows} is {@code one} where
     * the sample reads the block as a single object, {@code many} where it reads a list of rows.
     */
    private static void outputs(ObjectNode e, List<String> blocks, Set<String> single, ColumnSource cols) {
        List<List<Map.Entry<String, String>>> runs = new ArrayList<>();
        runs.add(new ArrayList<>());
        for (Map.Entry<String, String> c : cols.columns()) {
            List<Map.Entry<String, String>> run = runs.get(runs.size() - 1);
            if (run.stream().anyMatch(x -> x.getKey().equals(c.getKey()))) {
                run = new ArrayList<>();
                runs.add(run);
            }
            run.add(c);
        }
        ArrayNode out = e.putArray("outputs");
        boolean assigned = blocks.size() == 1 || runs.size() == blocks.size();
        for (int i = 0; i < blocks.size(); i++) {
            ObjectNode b = out.addObject();
            b.put("block", blocks.get(i));
            b.put("rows", single.contains(blocks.get(i)) ? "one" : "many");
            if (assigned) {
                b.set("fields", fields(blocks.size() == 1 ? distinct(cols.columns()) : runs.get(i), cols.numeric()));
            }
        }
        if (!assigned || blocks.isEmpty()) e.set("unassignedFields", fields(distinct(cols.columns()), cols.numeric()));
    }

    private static List<Map.Entry<String, String>> distinct(List<Map.Entry<String, String>> columns) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : columns) seen.putIfAbsent(c.getKey(), c.getValue());
        return List.copyOf(seen.entrySet());
    }

    private static ArrayNode fields(List<Map.Entry<String, String>> run, Set<String> numeric) {
        ArrayNode a = CatalogJson.MAPPER.createArrayNode();
        for (Map.Entry<String, String> c : run) {
            ObjectNode f = a.addObject();
            f.put("code", c.getKey());
            f.put("meaning", c.getValue());
            f.put("type", FieldTypes.infer(c.getKey(), numeric));
        }
        return a;
    }

    private Map<String, JsonNode> mcpParams(String group) {
        Optional<String> text = source.read("MCP/Kis Trading MCP/configs/" + group + ".json");
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (text.isEmpty()) return out;
        try {
            JsonNode apis = CatalogJson.MAPPER.readTree(text.get()).path("apis");
            apis.properties().forEach(p -> out.put(p.getKey(), p.getValue()));
        } catch (IOException ex) {
            throw new UncheckedIOException("MCP config of " + group + " is not JSON", ex);
        }
        return out;
    }
}
