package io.kisbridge.catalogimport.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our own additions to the imported realtime facts, kept beside the data ({@code realtime-curated.json}): per TR
 * the topic name, market, key kind and value kind; field types KIS's naming does not give away, English
 * descriptions, friendly aliases; columns to drop (with the reason in the file) and older layouts. A TR with
 * {@code fieldsLike} takes the field notes of that TR for the codes they share (NXT and integrated twins).
 */
public record RealtimeCuration(List<String> groups, Map<String, Tr> trs) {

    /** The curated part of one TR. {@code market} is KRX, NX, UN or empty for TRs without one. */
    public record Tr(String topic, String market, String key, String value, String description, List<String> drop,
            String keyField, String fieldsLike, Map<String, FieldNote> fields, List<Layout> layouts) {
    }

    /** Overrides for one field; every member may be null. */
    public record FieldNote(String type, String description, String alias) {
    }

    /** An older layout of the same TR: its ordered codes, and notes for codes the current layout lacks. */
    public record Layout(String name, List<String> codes, Map<String, FieldNote> fields) {
    }

    public static RealtimeCuration read(Path file) throws IOException {
        return parse(new ObjectMapper().readTree(Files.readString(file)));
    }

    public static RealtimeCuration parse(JsonNode root) {
        List<String> groups = strings(root.path("groups"));
        Map<String, Tr> trs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("trs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            List<Layout> layouts = new ArrayList<>();
            for (JsonNode l : n.path("layouts")) {
                layouts.add(new Layout(required(l, "name", e.getKey()), strings(l.path("codes")), notes(l.path("fields"), e.getKey())));
            }
            trs.put(e.getKey(), new Tr(required(n, "topic", e.getKey()), n.path("market").asText(""),
                    required(n, "key", e.getKey()), n.path("value").asText("record"), text(n, "description"),
                    strings(n.path("drop")), text(n, "keyField"), text(n, "fieldsLike"), notes(n.path("fields"), e.getKey()), layouts));
        }
        return new RealtimeCuration(groups, trs);
    }

    private static Map<String, FieldNote> notes(JsonNode fields, String trId) {
        Map<String, FieldNote> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            String type = text(v, "type");
            if (type != null && !FieldTypes.ALL.contains(type)) {
                throw new IllegalArgumentException(trId + "." + f.getKey() + ": type '" + type + "' is not one of " + FieldTypes.ALL);
            }
            m.put(f.getKey(), new FieldNote(type, text(v, "description"), text(v, "alias")));
        }
        return m;
    }

    private static String required(JsonNode n, String name, String trId) {
        String v = text(n, name);
        if (v == null) {
            throw new IllegalArgumentException("curated " + trId + " lacks \"" + name + "\"");
        }
        return v;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
