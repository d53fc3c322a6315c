package io.kisbridge.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisbridge.core.ApiParam;
import io.kisbridge.core.ApiParam.Role;
import io.kisbridge.core.ApiSpec;
import io.kisbridge.core.ApiSpec.Kind;
import io.kisbridge.core.ApiSpec.TrIds;
import io.kisbridge.core.OutputField;
import io.kisbridge.core.Paging;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the catalog data: per group, the imported file ({@code <group>.json}, written by the catalog-import module from
 * KIS's official samples) and our curated file beside it ({@code <group>.curated.json}: friendly names, English
 * descriptions, parameter roles and defaults, paging, block splits, type overrides). A curated entry that names an API,
 * parameter, block or field the imported data does not have is an error, so a re-import that drops one is noticed.
 */
public final class CatalogData {
    public static final String RESOURCES = "/io/kisbridge/core/catalog/";
    public static final List<String> GROUPS = List.of("domestic_stock", "etfetn");

    private CatalogData() {
    }

    /** Every API of every group, imported order within a group. */
    public static List<ApiSpec> load() {
        List<ApiSpec> out = new ArrayList<>();
        for (String group : GROUPS) {
            out.addAll(build(group, resource(group + ".json"), resource(group + ".curated.json")));
        }
        return out;
    }

    public static JsonNode resource(String file) {
        try (InputStream in = CatalogData.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) throw new IllegalStateException("catalog data " + RESOURCES + file + " is missing");
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog data " + file + " is not JSON", e);
        }
    }

    /** The APIs of one group from its imported and curated data; fails naming the first wrong curated reference. */
    public static List<ApiSpec> build(String group, JsonNode imported, JsonNode curated) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode api : imported.path("apis")) byId.put(api.path("id").asText(), api);
        for (Iterator<String> it = curated.path("apis").fieldNames(); it.hasNext(); ) {
            String id = it.next();
            if (!byId.containsKey(id)) {
                throw new IllegalStateException(group + ".curated.json names API '" + id + "', which " + group
                        + ".json does not have");
            }
        }
        List<ApiSpec> out = new ArrayList<>();
        for (JsonNode api : byId.values()) {
            out.add(entry(group, api, curated.path("apis").path(api.path("id").asText())));
        }
        return out;
    }

    private static ApiSpec entry(String group, JsonNode api, JsonNode cur) {
        String id = api.path("id").asText();
        String where = group + "/" + id;
        String path = api.path("path").asText();
        String name = text(cur, "name", path.substring(path.lastIndexOf('/') + 1));
        String method = api.path("method").asText();

        Map<String, TrIds> trIds = new LinkedHashMap<>();
        String selector = null;
        ApiParam selectorParam = null;
        JsonNode variantParam = api.path("variantParam");
        if (variantParam.isObject()) {
            Map<String, TrIds> imported = new LinkedHashMap<>();
            for (JsonNode t : api.path("trIds")) imported.put(t.path("variant").asText(), trIds(t));
            JsonNode sel = cur.path("selector");
            if (sel.isObject()) {
                selector = sel.path("name").asText();
                for (Iterator<Map.Entry<String, JsonNode>> it = sel.path("variants").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> v = it.next();
                    TrIds t = imported.get(v.getValue().asText());
                    if (t == null) throw new IllegalStateException(where + ": curated variant '" + v.getValue().asText()
                            + "' is not one of " + imported.keySet());
                    trIds.put(v.getKey(), t);
                }
                selectorParam = new ApiParam(selector, Role.SELECTOR, text(sel, "default", null), text(sel, "default", null),
                        false, true, null, text(sel, "description", ""));
            } else {
                selector = variantParam.path("name").asText();
                trIds.putAll(imported);
                String first = imported.keySet().iterator().next();
                selectorParam = new ApiParam(selector, Role.SELECTOR, first, first, false, true, null,
                        "chooses the TR ID (not sent): " + values(variantParam.path("values")));
            }
        } else {
            for (JsonNode t : api.path("trIds")) trIds.put("", trIds(t));
        }

        Paging paging = cur.has("paging") ? Paging.valueOf(cur.path("paging").asText())
                : "tr_cont".equals(api.at("/paging/style").asText()) ? Paging.TR_CONT : Paging.NONE;
        List<ApiParam> params = params(where, api, cur, selectorParam, paging);
        Kind kind = cur.has("kind") ? Kind.valueOf(cur.path("kind").asText())
                : "POST".equals(method) ? Kind.ORDER
                : params.stream().anyMatch(p -> p.role() == Role.ACCOUNT_NUMBER) ? Kind.ACCOUNT : Kind.QUOTATION;

        Map<String, List<OutputField>> outputs = outputs(where, api, cur);
        List<String> blocks = List.copyOf(outputs.keySet());
        String rows = text(cur, "rowsBlock", blocks.isEmpty() ? null : blocks.get(0));
        if (rows != null && !blocks.contains(rows)) {
            throw new IllegalStateException(where + ": curated rowsBlock '" + rows + "' is not one of " + blocks);
        }
        List<String> markets = new ArrayList<>();
        api.path("markets").forEach(m -> markets.add(m.asText()));
        String title = api.path("title").asText();
        return new ApiSpec(name, api.path("docId").asText(""), text(cur, "description", title), kind, method, path,
                trIds, selector, params, blocks, rows, paging, cur.path("pageSize").asInt(0), group, title, markets,
                outputs);
    }

    private static List<ApiParam> params(String where, JsonNode api, JsonNode cur, ApiParam selectorParam, Paging paging) {
        Map<String, JsonNode> imported = new LinkedHashMap<>();
        for (JsonNode p : api.path("params")) imported.put(p.path("name").asText().toUpperCase(Locale.ROOT), p);
        List<ApiParam> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        boolean selectorPlaced = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = cur.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            if ("SELECTOR".equals(c.path("role").asText())) {
                if (selectorParam == null || !selectorParam.name().equals(e.getKey())) {
                    throw new IllegalStateException(where + ": curated selector '" + e.getKey() + "' has no TR ID variants");
                }
                out.add(selectorParam);
                selectorPlaced = true;
                continue;
            }
            JsonNode imp = imported.get(e.getKey().toUpperCase(Locale.ROOT));
            if (imp == null) {
                throw new IllegalStateException(where + ": curated parameter '" + e.getKey() + "' is not in the imported data");
            }
            used.add(e.getKey().toUpperCase(Locale.ROOT));
            out.add(new ApiParam(imp.path("name").asText(), Role.valueOf(c.path("role").asText()), text(c, "default", null),
                    text(c, "example", null), c.path("required").asBoolean(), c.path("omitWhenEmpty").asBoolean(),
                    text(c, "presentWith", null), text(c, "description", imp.path("label").asText())));
        }
        if (selectorParam != null && !selectorPlaced) out.add(0, selectorParam);
        for (Map.Entry<String, JsonNode> e : imported.entrySet()) {
            if (!used.contains(e.getKey())) out.add(derived(e.getValue(), paging));
        }
        Set<String> names = out.stream().map(ApiParam::name).collect(Collectors.toSet());
        for (ApiParam p : out) {
            if (p.presentWith() != null && !names.contains(p.presentWith())) {
                throw new IllegalStateException(where + ": '" + p.name() + "' is present with an unknown '" + p.presentWith() + "'");
            }
        }
        return out;
    }

    /**
     * A parameter the curated file says nothing about: its role from its name, the rest as imported; a required one
     * without a default defaults to the sample's example value.
     */
    private static ApiParam derived(JsonNode p, Paging paging) {
        String name = p.path("name").asText();
        String upper = name.toUpperCase(Locale.ROOT);
        boolean required = p.path("required").asBoolean();
        String def = text(p, "default", null);
        String label = p.path("label").asText("");
        String vals = values(p.path("values"));
        String description = vals.isEmpty() ? label : label.isEmpty() ? vals : label + ": " + vals;
        String example = text(p, "example", null);
        if (example == null) example = def;
        switch (upper) {
            case "CANO":
                return new ApiParam(name, Role.ACCOUNT_NUMBER, null, "81012345", true, false, null, "account number, first 8 digits");
            case "ACNT_PRDT_CD":
                return new ApiParam(name, Role.ACCOUNT_PRODUCT, null, "01", true, false, null, "account product code");
            case "USER_ID":
                return new ApiParam(name, Role.HTS_ID, null, "hts_user", true, false, null, "HTS user id (KIS_HTS_ID)");
            default:
                break;
        }
        if (paging == Paging.TR_CONT && upper.startsWith("CTX_AREA_")) {
            return new ApiParam(name, Role.CONTINUATION, "", "", true, false, null, "continuation key (pager)");
        }
        // A required field without a default takes the official sample's example value, so that any API runs with
        // what the caller does not give (GET /v1/api/<name>); the caller overrides it like any default.
        if (def == null && required && example != null) def = example;
        // Python drops a None-valued request field, so an optional one without a default is not sent.
        boolean omit = p.path("optional").asBoolean() || !required && def == null;
        return new ApiParam(name, Role.USER, def, example, required, omit, null, description);
    }

    private static Map<String, List<OutputField>> outputs(String where, JsonNode api, JsonNode cur) {
        Map<String, String> types = new LinkedHashMap<>();
        cur.path("types").fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().asText()));
        Map<String, List<OutputField>> out = new LinkedHashMap<>();
        List<OutputField> unassigned = fields(api.path("unassignedFields"), types);
        Map<String, String> starts = new LinkedHashMap<>();
        cur.path("blockStarts").fields().forEachRemaining(e -> starts.put(e.getKey(), e.getValue().asText()));
        for (JsonNode b : api.path("outputs")) {
            String block = b.path("block").asText();
            out.put(block, b.has("fields") ? fields(b.path("fields"), types) : null);
        }
        if (!starts.isEmpty()) {
            List<String> blocks = List.copyOf(out.keySet());
            String current = blocks.get(0);
            for (String block : starts.keySet()) {
                if (!out.containsKey(block)) throw new IllegalStateException(where + ": curated block '" + block + "' is not imported");
                if (unassigned.stream().noneMatch(f -> f.code().equals(starts.get(block)))) {
                    throw new IllegalStateException(where + ": curated block start '" + starts.get(block) + "' is not an unassigned field");
                }
            }
            for (String block : blocks) out.put(block, new ArrayList<>());
            for (OutputField f : unassigned) {
                for (Map.Entry<String, String> s : starts.entrySet()) if (s.getValue().equals(f.code())) current = s.getKey();
                out.get(current).add(f);
            }
        } else {
            out.replaceAll((block, fields) -> fields != null ? fields : unassigned);
        }
        Set<String> known = new HashSet<>();
        out.values().forEach(l -> l.forEach(f -> known.add(f.code())));
        for (String code : types.keySet()) {
            if (!known.contains(code)) throw new IllegalStateException(where + ": curated type of unknown field '" + code + "'");
        }
        return out;
    }

    private static List<OutputField> fields(JsonNode fields, Map<String, String> types) {
        List<OutputField> out = new ArrayList<>();
        for (JsonNode f : fields) {
            String code = f.path("code").asText();
            out.add(new OutputField(code, f.path("meaning").asText(), OutputField.Type.of(types.getOrDefault(code, f.path("type").asText()))));
        }
        return out;
    }

    private static TrIds trIds(JsonNode t) {
        return new TrIds(text(t, "real", null), text(t, "paper", null));
    }

    private static String values(JsonNode values) {
        List<String> parts = new ArrayList<>();
        values.fields().forEachRemaining(e -> parts.add(e.getKey() + " " + e.getValue().asText()));
        return String.join(", ", parts);
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? otherwise : v.asText();
    }
}
