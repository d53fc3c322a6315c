package io.kisbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.core.internal.CatalogData;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/** The curated files only name APIs, parameters, blocks and fields the imported data has; loading checks it. */
class CatalogDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_curated_entry_names_an_imported_api_and_its_imported_parameters() {
        for (String group : CatalogData.GROUPS) {
            JsonNode imported = CatalogData.resource(group + ".json");
            JsonNode curated = CatalogData.resource(group + ".curated.json");
            for (Iterator<String> ids = curated.path("apis").fieldNames(); ids.hasNext(); ) {
                String id = ids.next();
                JsonNode api = null;
                for (JsonNode a : imported.path("apis")) if (a.path("id").asText().equals(id)) api = a;
                assertThat(api).as(group + "/" + id).isNotNull();
                for (Iterator<String> ps = curated.path("apis").path(id).path("params").fieldNames(); ps.hasNext(); ) {
                    String p = ps.next();
                    boolean selector = p.equals(curated.path("apis").path(id).at("/selector/name").asText());
                    boolean found = false;
                    for (JsonNode ip : api.path("params")) found |= ip.path("name").asText().equalsIgnoreCase(p);
                    assertThat(found || selector).as(group + "/" + id + " parameter " + p).isTrue();
                }
            }
            assertThat(CatalogData.build(group, imported, curated)).hasSize(imported.path("apis").size());
        }
    }

    @Test
    void a_curated_api_the_import_does_not_have_stops_loading_with_its_name() {
        ObjectNode curated = curated();
        curated.with("apis").putObject("no_such_api").put("name", "x");
        assertThatThrownBy(() -> CatalogData.build("domestic_stock", imported(), curated))
                .hasMessageContaining("no_such_api");
    }

    @Test
    void a_curated_parameter_block_start_or_type_the_import_does_not_have_stops_loading() {
        ObjectNode c1 = curated();
        ((ObjectNode) c1.with("apis").with("inquire_price").with("params")).putObject("FID_NO_SUCH").put("role", "USER");
        assertThatThrownBy(() -> CatalogData.build("domestic_stock", imported(), c1)).hasMessageContaining("FID_NO_SUCH");
        ObjectNode c2 = curated();
        c2.with("apis").with("inquire_balance").with("blockStarts").put("output2", "no_such_field");
        assertThatThrownBy(() -> CatalogData.build("domestic_stock", imported(), c2)).hasMessageContaining("no_such_field");
        ObjectNode c3 = curated();
        c3.with("apis").with("inquire_price").with("types").put("no_such_code", "integer");
        assertThatThrownBy(() -> CatalogData.build("domestic_stock", imported(), c3)).hasMessageContaining("no_such_code");
    }

    @Test
    void apis_the_curated_file_only_describes_get_roles_from_their_parameter_names_and_keep_kis_title() {
        ApiSpec volume = Catalog.get("volume-rank");
        assertThat(volume.docId()).isEqualTo("v1_국내주식-047");
        assertThat(volume.trId(KisEnvironment.REAL)).isEqualTo("FHPST01710000");
        assertThat(volume.availableInPaper()).isFalse();
        assertThat(volume.title()).isEqualTo("거래량순위");
        assertThat(volume.description()).isEqualTo("Top stocks by volume (real only)");
        assertThat(volume.param("FID_COND_SCR_DIV_CODE").orElseThrow().defaultValue()).isEqualTo("20171");
        assertThat(volume.outputFields().get("output")).extracting(OutputField::code).contains("stck_prpr", "acml_vol");
        ApiSpec credit = Catalog.get("order-credit");
        assertThat(credit.kind()).isEqualTo(ApiSpec.Kind.ORDER);
        assertThat(credit.trIds().keySet()).containsExactly("buy", "sell");
        assertThat(credit.param("CANO").orElseThrow().role()).isEqualTo(ApiParam.Role.ACCOUNT_NUMBER);
        assertThat(Catalog.get("inquire-index-price").markets()).isEmpty();
        assertThat(Catalog.get("inquire-price").markets()).containsExactly("J", "NX", "UN");
    }

    @Test
    void output_blocks_split_by_the_curated_start_field_hold_their_own_fields() {
        ApiSpec balance = Catalog.get("inquire-balance");
        assertThat(balance.outputFields().get("output1")).extracting(OutputField::code).contains("pdno", "hldg_qty")
                .doesNotContain("dnca_tot_amt");
        assertThat(balance.outputFields().get("output2")).extracting(OutputField::code).startsWith("dnca_tot_amt")
                .doesNotContain("pdno");
        assertThat(Catalog.get("inquire-price").outputFields().get("output")).filteredOn(f -> f.code().equals("prdy_vrss_sign"))
                .extracting(OutputField::type).containsExactly(OutputField.Type.SIGN);
    }

    private static JsonNode imported() {
        return CatalogData.resource("domestic_stock.json");
    }

    private static ObjectNode curated() {
        return CatalogData.resource("domestic_stock.curated.json").deepCopy();
    }
}
