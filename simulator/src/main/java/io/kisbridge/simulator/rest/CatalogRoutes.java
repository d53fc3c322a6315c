package io.kisbridge.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Routes for every API of the imported catalog facts that has no hand-written route: the facts KIS's official samples
 * give (path, method, TR IDs per environment, parameter names and which are required, output fields), read by the
 * simulator's own reader from its own copy of the imported files (the build copies core's {@code <group>.json}, never
 * the curated files, into {@code io/kisbridge/simulator/catalog/}). Nothing here uses core's catalog classes, so a
 * wrong path, TR ID or parameter name in core's catalog is still refused here.
 */
public final class CatalogRoutes {
    static final String RESOURCES = "/io/kisbridge/simulator/catalog/";
    static final List<String> GROUPS = List.of("domestic_stock", "etfetn");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One API as the imported facts describe it. */
    public record Facts(String id, String docId, String path, boolean post, List<String> realTrIds, List<String> paperTrIds,
                        List<String> required, List<String> optional, List<Block> blocks) {
    }

    /** An output block: one object or a list of rows, with its fields' codes and types. */
    public record Block(String name, boolean oneRow, List<Field> fields) {
    }

    public record Field(String code, String type) {
    }

    private CatalogRoutes() {
    }

    /** Every imported API, in file order. */
    public static List<Facts> facts() {
        List<Facts> out = new ArrayList<>();
        for (String group : GROUPS) {
            JsonNode root = read(group + ".json");
            for (JsonNode api : root.path("apis")) out.add(facts(api));
        }
        return out;
    }

    /** The hand-written routes, their answers completed with every field the imported facts declare for their path. */
    static List<Route> completing(List<Route> handWritten) {
        java.util.Map<String, Facts> byPath = new java.util.HashMap<>();
        for (Facts f : facts()) byPath.put(f.path(), f);
        List<Route> out = new ArrayList<>();
        for (Route r : handWritten) {
            Facts f = byPath.get(r.path());
            ApiHandler h = r.handler();
            out.add(new Route(r.name(), r.docId(), r.post(), r.path(), r.realTrIds(), r.paperTrIds(), r.required(),
                    r.optional(), req -> GenericAnswers.complete(f, req, h.handle(req))));
        }
        return out;
    }

    /** Routes for the imported APIs whose path has no route yet, answered by {@link GenericAnswers}. */
    static List<Route> routesBeside(Set<String> servedPaths) {
        List<Route> out = new ArrayList<>();
        for (Facts f : facts()) {
            if (servedPaths.contains(f.path())) continue;
            out.add(new Route(f.id().replace('_', '-'), f.docId(), f.post(), f.path(), f.realTrIds(), f.paperTrIds(),
                    f.required(), f.optional(), req -> GenericAnswers.answer(f, req)));
        }
        return out;
    }

    private static Facts facts(JsonNode api) {
        List<String> real = new ArrayList<>();
        List<String> paper = new ArrayList<>();
        boolean allPaper = true;
        for (JsonNode t : api.path("trIds")) {
            real.add(t.path("real").asText());
            if (t.path("paper").isTextual()) paper.add(t.path("paper").asText());
            else allPaper = false;
        }
        if (!allPaper) paper.clear();
        List<String> required = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        for (JsonNode p : api.path("params")) {
            (p.path("required").asBoolean() ? required : optional).add(p.path("name").asText());
        }
        List<Field> unassigned = fields(api.path("unassignedFields"));
        List<Block> blocks = new ArrayList<>();
        for (JsonNode b : api.path("outputs")) {
            blocks.add(new Block(b.path("block").asText(), "one".equals(b.path("rows").asText()),
                    b.has("fields") ? fields(b.path("fields")) : unassigned));
        }
        return new Facts(api.path("id").asText(), api.path("docId").asText(), api.path("path").asText(),
                "POST".equals(api.path("method").asText()), List.copyOf(real), List.copyOf(paper), List.copyOf(required),
                List.copyOf(optional), List.copyOf(blocks));
    }

    private static List<Field> fields(JsonNode fields) {
        List<Field> out = new ArrayList<>();
        for (JsonNode f : fields) out.add(new Field(f.path("code").asText(), f.path("type").asText()));
        return List.copyOf(out);
    }

    private static JsonNode read(String file) {
        try (InputStream in = CatalogRoutes.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) throw new IllegalStateException("simulator resource " + RESOURCES + file + " is missing");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
