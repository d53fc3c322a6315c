package io.kisbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.Catalog;
import org.junit.jupiter.api.Test;

class CallListTest {

    @Test
    void call_list_json_prints_one_object_per_catalog_api_with_its_tr_ids_params_and_output_fields() throws Exception {
        CliRun r = CliRun.of("call", "--list", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertThat(list).hasSize(Catalog.dataApis().size());
        JsonNode order = null;
        for (JsonNode a : list) if (a.path("name").asText().equals("order-cash")) order = a;
        assertThat(order).isNotNull();
        assertThat(order.path("docId").asText()).isEqualTo("v1_국내주식-001");
        assertThat(order.path("trIds").toString()).contains("TTTC0012U", "TTTC0011U", "VTTC0012U", "VTTC0011U");
        assertThat(order.path("paper").asBoolean()).isTrue();
        assertThat(order.path("params").findValuesAsText("name")).contains("PDNO", "ORD_QTY");
        assertThat(order.path("outputs").path("output").toString()).contains("\"ODNO\"");
    }

    @Test
    void call_list_prints_a_line_per_api_naming_where_it_runs() {
        CliRun r = CliRun.of("call", "--list");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(Catalog.dataApis().size());
        assertThat(r.out()).containsPattern("volume-rank +v1_국내주식-047 +real ");
    }

    @Test
    void an_unknown_api_names_the_nearest_catalog_names() {
        CliRun r = CliRun.of("call", "volume-ranks", "--env", "demo");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("volume-ranks").contains("nearest: volume-rank");
    }
}
