package io.kisbridge.simulator.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small reader of the realtime schema data files (a copy of core's, placed in the simulator jar by its pom):
 * per TR ID the ordered field codes and their types (text, integer, decimal, rate, date, time, sign, code).
 * Independent of core's classes on purpose.
 */
final class SchemaFiles {
    record FieldSpec(String code, String type) {
    }

    private static final String DIR = "/io/kisbridge/simulator/ws/schemas/";
    private static final Map<String, List<FieldSpec>> LAYOUTS = load();

    private SchemaFiles() {
    }

    /** The ordered fields of a TR (its real TR ID), or an error naming it when the data has no such TR. */
    static List<FieldSpec> fields(String trId) {
        List<FieldSpec> f = LAYOUTS.get(trId);
        if (f == null) {
            throw new IllegalStateException("no realtime schema data for " + trId);
        }
        return f;
    }

    static boolean has(String trId) {
        return LAYOUTS.containsKey(trId);
    }

    /** The codes of a TR's fields, in order. */
    static List<String> codes(String trId) {
        return fields(trId).stream().map(FieldSpec::code).toList();
    }

    private static Map<String, List<FieldSpec>> load() {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<FieldSpec>> out = new LinkedHashMap<>();
        for (JsonNode id : read(json, "index.json").path("trIds")) {
            List<FieldSpec> fields = new ArrayList<>();
            for (JsonNode f : read(json, id.asText() + ".json").path("fields")) {
                fields.add(new FieldSpec(f.path("code").asText(), f.path("type").asText()));
            }
            out.put(id.asText(), List.copyOf(fields));
        }
        return out;
    }

    private static JsonNode read(ObjectMapper json, String name) {
        try (InputStream in = SchemaFiles.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("realtime schema data " + DIR + name + " is missing from the simulator jar");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
