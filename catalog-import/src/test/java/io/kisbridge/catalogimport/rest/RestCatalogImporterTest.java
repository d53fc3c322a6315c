package io.kisbridge.catalogimport.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisbridge.catalogimport.CatalogJson;
import io.kisbridge.catalogimport.SourceTree;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The importer on a small made-up excerpt of the official repository's layout (src/test/resources/kis-excerpt). */
class RestCatalogImporterTest {
    private static JsonNode stock;
    private static JsonNode etf;

    @BeforeAll
    static void importExcerpt() throws URISyntaxException {
        Path root = Path.of(RestCatalogImporterTest.class.getResource("/kis-excerpt/COMMIT").toURI()).getParent();
        RestCatalogImporter importer = new RestCatalogImporter(SourceTree.open(root));
        stock = importer.importGroup("domestic_stock");
        etf = importer.importGroup("etfetn");
    }

    private static JsonNode api(JsonNode group, String id) {
        for (JsonNode a : group.path("apis")) if (a.path("id").asText().equals(id)) return a;
        throw new AssertionError("no API " + id);
    }

    private static JsonNode param(JsonNode api, String name) {
        for (JsonNode p : api.path("params")) if (p.path("name").asText().equals(name)) return p;
        throw new AssertionError("no param " + name);
    }

    private static List<String> codes(JsonNode fields) {
        List<String> out = new ArrayList<>();
        fields.forEach(f -> out.add(f.path("code").asText()));
        return out;
    }

    @Test
    void folders_without_an_API_URL_are_realtime_and_are_left_out() {
        List<String> ids = new ArrayList<>();
        stock.path("apis").forEach(a -> ids.add(a.path("id").asText()));
        assertThat(ids).containsExactly("place_order", "quote_now", "same_everywhere");
    }

    @Test
    void the_source_commit_and_repository_are_recorded() {
        assertThat(stock.at("/source/commit").asText()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(stock.at("/source/repository").asText()).isEqualTo("koreainvestment/open-trading-api");
    }

    @Test
    void the_header_gives_category_menu_title_and_doc_id() {
        JsonNode q = api(stock, "quote_now");
        assertThat(q.path("category").asText()).isEqualTo("국내주식");
        assertThat(q.path("menu").asText()).isEqualTo("시세");
        assertThat(q.path("title").asText()).isEqualTo("가상 현재가");
        assertThat(q.path("docId").asText()).isEqualTo("v1_가상-001");
        assertThat(q.path("path").asText()).isEqualTo("/uapi/domestic-stock/v1/quotations/quote-now");
        assertThat(q.path("method").asText()).isEqualTo("GET");
    }

    @Test
    void a_doc_id_missing_from_the_header_is_taken_from_the_docstring() {
        JsonNode o = api(stock, "place_order");
        assertThat(o.path("menu").asText()).isEqualTo("주문/계좌");
        assertThat(o.path("title").asText()).isEqualTo("가상 주문");
        assertThat(o.path("docId").asText()).isEqualTo("v1_가상-002");
    }

    @Test
    void tr_ids_are_read_per_environment_and_an_API_without_a_demo_branch_is_not_in_paper() {
        assertThat(api(stock, "quote_now").path("trIds").toString())
                .isEqualTo("[{\"real\":\"FAKE00000001\",\"paper\":\"FAKE00000009\"}]");
        assertThat(api(etf, "fund_value").path("trIds").toString())
                .isEqualTo("[{\"real\":\"FAKE00000003\",\"paper\":null}]");
    }

    @Test
    void one_tr_id_for_both_environments_and_a_one_line_signature_are_read() {
        JsonNode s = api(stock, "same_everywhere");
        assertThat(s.path("trIds").toString()).isEqualTo("[{\"real\":\"FAKE00000004\",\"paper\":\"FAKE00000004\"}]");
        assertThat(s.path("params")).isEmpty();
        assertThat(s.path("outputs").toString()).isEqualTo("[{\"block\":\"output\",\"rows\":\"one\",\"fields\":[]}]");
    }

    @Test
    void tr_ids_chosen_by_another_argument_become_variants() {
        JsonNode o = api(stock, "place_order");
        assertThat(o.path("method").asText()).isEqualTo("POST");
        assertThat(o.path("trIds").toString()).isEqualTo(
                "[{\"variant\":\"buy\",\"real\":\"FAKE0001U\",\"paper\":null},{\"variant\":\"sell\",\"real\":\"FAKE0002U\",\"paper\":null}]");
        assertThat(o.at("/variantParam/name").asText()).isEqualTo("ord_dv");
        assertThat(o.at("/variantParam/values/buy").asText()).isEqualTo("매수");
    }

    @Test
    void parameters_keep_their_wire_names_required_marks_defaults_values_and_examples() {
        JsonNode q = api(stock, "quote_now");
        JsonNode market = param(q, "FID_COND_MRKT_DIV_CODE");
        assertThat(market.path("required").asBoolean()).isTrue();
        assertThat(market.path("label").asText()).isEqualTo("시장");
        assertThat(market.path("values").toString()).isEqualTo("{\"J\":\"KRX\",\"NX\":\"NXT\",\"UN\":\"통합\"}");
        assertThat(market.path("example").asText()).isEqualTo("J");
        assertThat(param(q, "FID_INPUT_ISCD").path("example").asText()).isEqualTo("000001");
        JsonNode period = param(q, "FID_PERIOD");
        assertThat(period.path("required").asBoolean()).isFalse();
        assertThat(period.path("default").asText()).isEqualTo("D");
        assertThat(period.path("values").toString()).isEqualTo("{\"D\":\"일\",\"W\":\"주\"}");
        assertThat(param(q, "FID_SCREEN").path("default").asText()).isEqualTo("11111");
        assertThat(q.path("markets").toString()).isEqualTo("[\"J\",\"NX\",\"UN\"]");
    }

    @Test
    void plumbing_arguments_are_not_parameters_and_conditionally_added_ones_are_optional() {
        List<String> names = new ArrayList<>();
        api(stock, "place_order").path("params").forEach(p -> names.add(p.path("name").asText()));
        assertThat(names).containsExactly("CANO", "PDNO", "MEMO");
        assertThat(param(api(stock, "place_order"), "PDNO").path("required").asBoolean()).isTrue();
        assertThat(param(api(stock, "place_order"), "MEMO").path("optional").asBoolean()).isTrue();
        assertThat(param(api(stock, "quote_now"), "FID_COND_MRKT_DIV_CODE").path("name").asText()).isNotEqualTo("env_dv");
    }

    @Test
    void the_MCP_config_fills_defaults_the_Python_does_not_give() {
        assertThat(param(api(etf, "fund_value"), "fid_kind").path("default").asText()).isEqualTo("A");
        assertThat(param(api(etf, "fund_value"), "fid_extra").path("default").isNull()).isTrue();
    }

    @Test
    void tr_cont_paging_records_its_continuation_keys() {
        assertThat(api(stock, "quote_now").path("paging").toString())
                .isEqualTo("{\"style\":\"tr_cont\",\"ctxKeys\":[\"CTX_AREA_FK100\",\"CTX_AREA_NK100\"]}");
        assertThat(api(stock, "place_order").at("/paging/style").asText()).isEqualTo("none");
    }

    @Test
    void a_repeated_field_code_starts_the_next_output_block_and_types_are_inferred() {
        JsonNode outputs = api(stock, "quote_now").path("outputs");
        assertThat(outputs.get(0).path("block").asText()).isEqualTo("output1");
        assertThat(codes(outputs.get(0).path("fields"))).containsExactly("stck_prpr", "prdy_vrss_sign", "stck_bsop_date");
        assertThat(codes(outputs.get(1).path("fields"))).containsExactly("stck_prpr", "prdy_ctrt", "avg_val");
        List<String> types = new ArrayList<>();
        outputs.get(1).path("fields").forEach(f -> types.add(f.path("type").asText()));
        assertThat(types).containsExactly("integer", "rate", "decimal");
        assertThat(outputs.get(0).path("fields").get(1).path("type").asText()).isEqualTo("sign");
        assertThat(outputs.get(0).path("fields").get(2).path("type").asText()).isEqualTo("date");
        assertThat(api(stock, "quote_now").has("unassignedFields")).isFalse();
    }

    @Test
    void fields_of_several_blocks_that_the_source_does_not_split_are_written_unassigned() {
        JsonNode f = api(etf, "fund_value");
        assertThat(f.path("outputs").toString())
                .isEqualTo("[{\"block\":\"output1\",\"rows\":\"one\"},{\"block\":\"output2\",\"rows\":\"many\"}]");
        assertThat(codes(f.path("unassignedFields"))).containsExactly("nav", "nav_prdy_vrss");
        assertThat(f.path("unassignedFields").get(0).path("type").asText()).isEqualTo("decimal");
    }

    @Test
    void the_written_file_reads_back_to_the_same_data_and_is_stable() throws Exception {
        String text = CatalogJson.write(stock);
        assertThat(CatalogJson.MAPPER.readTree(text)).isEqualTo(stock);
        assertThat(CatalogJson.write(CatalogJson.MAPPER.readTree(text))).isEqualTo(text);
    }
}
