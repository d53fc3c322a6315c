package io.kisbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 37 entries the hand-written catalog declared before the catalog became data (snapshot in
 * {@code seed-catalog.json}) come out of the data unchanged: name, doc id, description, kind, method, path, TR IDs
 * per variant, selector, every parameter with its role, default, example, required and omit flags, blocks, rows block
 * and paging. Parameter names compare ignoring case: the data keeps the official samples' current spelling.
 */
class SeedCatalogTest {

    @Test
    void every_api_of_the_seed_catalog_is_loaded_from_the_data_as_it_was_declared() throws Exception {
        JsonNode seed;
        try (InputStream in = getClass().getResourceAsStream("seed-catalog.json")) {
            seed = new ObjectMapper().readTree(in);
        }
        assertThat(seed).hasSize(37);
        for (JsonNode s : seed) {
            ApiSpec a = Catalog.get(s.path("name").asText());
            String n = a.name();
            assertThat(a.name()).isEqualTo(s.path("name").asText());
            assertThat(a.docId()).as(n).isEqualTo(s.path("docId").asText());
            assertThat(a.description()).as(n).isEqualTo(s.path("description").asText());
            assertThat(a.kind().name()).as(n).isEqualTo(s.path("kind").asText());
            assertThat(a.method()).as(n).isEqualTo(s.path("method").asText());
            assertThat(a.path()).as(n).isEqualTo(s.path("path").asText());
            Map<String, ApiSpec.TrIds> trIds = new LinkedHashMap<>();
            s.path("trIds").fields().forEachRemaining(e -> trIds.put(e.getKey(),
                    new ApiSpec.TrIds(text(e.getValue(), "real"), text(e.getValue(), "paper"))));
            assertThat(a.trIds()).as(n).containsExactlyEntriesOf(trIds);
            assertThat(a.trSelector()).as(n).isEqualTo(text(s, "trSelector"));
            List<ApiParam> params = new ArrayList<>();
            for (JsonNode p : s.path("params")) {
                params.add(new ApiParam(p.path("name").asText().toUpperCase(Locale.ROOT), ApiParam.Role.valueOf(p.path("role").asText()),
                        text(p, "default"), text(p, "example"), p.path("required").asBoolean(), p.path("omitWhenEmpty").asBoolean(),
                        text(p, "presentWith"), p.path("description").asText()));
            }
            assertThat(a.params().stream().map(p -> new ApiParam(p.name().toUpperCase(Locale.ROOT), p.role(), p.defaultValue(),
                    p.example(), p.required(), p.omitWhenEmpty(), p.presentWith() == null ? null : p.presentWith().toUpperCase(Locale.ROOT),
                    p.description())).toList()).as(n).containsExactlyElementsOf(params.stream().map(p -> p.presentWith() == null ? p
                    : new ApiParam(p.name(), p.role(), p.defaultValue(), p.example(), p.required(), p.omitWhenEmpty(),
                    p.presentWith().toUpperCase(Locale.ROOT), p.description())).toList());
            List<String> blocks = new ArrayList<>();
            s.path("outputBlocks").forEach(b -> blocks.add(b.asText()));
            assertThat(a.outputBlocks()).as(n).containsExactlyElementsOf(blocks);
            assertThat(a.rowsBlock()).as(n).isEqualTo(text(s, "rowsBlock"));
            assertThat(a.paging().name()).as(n).isEqualTo(s.path("paging").asText());
            assertThat(a.pageSize()).as(n).isEqualTo(s.path("pageSize").asInt());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
