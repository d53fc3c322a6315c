package io.kisbridge.catalogimport.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RealtimeImporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The committed data and curation, relative to this module. */
    private static final Path DATA = Path.of("..", "core", "src", "main", "resources", "io", "kisbridge", "core", "realtime", "schemas");
    private static final Path MIRROR = Path.of("/work/.mirror/koreainvestment+open-trading-api/repo");

    private static Path fixture() throws URISyntaxException {
        return Path.of(RealtimeImporterTest.class.getResource("/fixtures/realtime").toURI());
    }

    private static RealtimeCuration toyCuration() throws Exception {
        return RealtimeCuration.read(fixture().resolve("toy-curated.json"));
    }

    private static Map<String, String> importFixture(RealtimeCuration curation) throws Exception {
        return new RealtimeImporter(new DirectorySource(fixture()), curation).render();
    }

    @Test
    void importsEachFunctionWithItsTrIdsDocIdAndOrderedColumns() throws Exception {
        Map<String, String> files = importFixture(toyCuration());

        assertThat(files.keySet()).containsExactly("index.json", "ZZTOY010.json", "ZZTOY020.json");
        assertThat(JSON.readTree(files.get("index.json")).path("trIds").toString()).isEqualTo("[\"ZZTOY010\",\"ZZTOY020\"]");
        JsonNode tick = JSON.readTree(files.get("ZZTOY010.json"));
        assertThat(tick.path("paperTrId").asText()).isEqualTo("ZZTOY019");
        assertThat(tick.path("docId").asText()).isEqualTo("실시간-901");
        assertThat(tick.path("title").asText()).isEqualTo("장난감 체결");
        assertThat(tick.path("topic").asText()).isEqualTo("toy");
        assertThat(tick.path("keyField").asText()).isEqualTo("TOY_ISCD");
        assertThat(codes(tick)).containsExactly("TOY_ISCD", "TOY_HOUR", "TOY_PRPR", "PRDY_VRSS_SIGN", "TOY_CTRT", "TOY_VOL", "EXTRA_FLAG");
        JsonNode level = JSON.readTree(files.get("ZZTOY020.json"));
        assertThat(level.path("paperTrId").isNull()).as("no demo branch: not offered in paper").isTrue();
        assertThat(level.path("docId").isNull()).isTrue();
    }

    @Test
    void typesComeFromTheNamingAndTheNumericList_andNamesFromChkFilesOrComments() throws Exception {
        Map<String, String> files = importFixture(toyCuration());
        JsonNode tick = JSON.readTree(files.get("ZZTOY010.json"));

        assertThat(types(tick)).containsExactly("code", "time", "integer", "sign", "rate", "integer", "integer");
        assertThat(tick.path("fields").get(6).path("name").asText()).as("from chk_toy_tick.py").isEqualTo("추가 표시");
        JsonNode level = JSON.readTree(files.get("ZZTOY020.json"));
        assertThat(codes(level)).as("upper-cased, RT_CD dropped").containsExactly("TOY_CLS_CODE", "BSOP_DATE", "TOY_NMIX", "UP_YN_1");
        assertThat(types(level)).containsExactly("code", "date", "decimal", "text");
        assertThat(level.path("fields").get(2).path("name").asText()).as("from the trailing comment").isEqualTo("장난감 지수");
    }

    @Test
    void curatedDescriptionsAndAliasesLandInTheData() throws Exception {
        JsonNode tick = JSON.readTree(importFixture(toyCuration()).get("ZZTOY010.json"));
        JsonNode price = tick.path("fields").get(2);

        assertThat(price.path("description").asText()).isEqualTo("price");
        assertThat(price.path("alias").asText()).isEqualTo("price");
    }

    @Test
    void aTrWithoutACuratedEntryIsRefusedByName() throws Exception {
        RealtimeCuration c = toyCuration();
        RealtimeCuration withoutLevel = new RealtimeCuration(c.groups(), Map.of("ZZTOY010", c.trs().get("ZZTOY010")));

        assertThatThrownBy(() -> importFixture(withoutLevel))
                .hasMessageContaining("ZZTOY020").hasMessageContaining("realtime-curated.json");
    }

    @Test
    void aCuratedOverrideOfAColumnThatIsGoneIsRefused() throws Exception {
        RealtimeCuration c = toyCuration();
        RealtimeCuration.Tr tick = c.trs().get("ZZTOY010");
        RealtimeCuration.Tr stale = new RealtimeCuration.Tr(tick.topic(), tick.market(), tick.key(), tick.value(), null,
                List.of(), null, null, Map.of("TOY_GONE", new RealtimeCuration.FieldNote("integer", null, null)), List.of());

        assertThatThrownBy(() -> importFixture(new RealtimeCuration(c.groups(), Map.of("ZZTOY010", stale, "ZZTOY020", c.trs().get("ZZTOY020")))))
                .hasMessageContaining("ZZTOY010").hasMessageContaining("TOY_GONE");
    }

    @Test
    void aFunctionWithoutColumnsIsAnErrorNamingIt() {
        String text = "# [g] 실시간 > 제목\n\ndef broken(tr_type):\n    tr_id = \"ZZBAD000\"\n    return None\n";

        assertThatThrownBy(() -> WsFunctionsParser.parse("g", text)).hasMessageContaining("broken").hasMessageContaining("ZZBAD000");
    }

    @Test
    void theCommittedSchemaDataIsWhatTheImporterGivesFromTheOfficialRepository() throws Exception {
        assumeTrue(Files.isDirectory(MIRROR), "no mirror of koreainvestment/open-trading-api at " + MIRROR);
        RealtimeCuration curation = RealtimeCuration.read(DATA.resolve("realtime-curated.json"));
        Map<String, String> files = new RealtimeImporter(new GitSource(MIRROR, "HEAD"), curation).render();

        List<String> committed = new ArrayList<>();
        try (Stream<Path> s = Files.list(DATA)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("realtime-curated.json")).sorted().forEach(committed::add);
        }
        assertThat(committed).containsExactlyInAnyOrderElementsOf(files.keySet());
        for (Map.Entry<String, String> f : files.entrySet()) {
            assertThat(Files.readString(DATA.resolve(f.getKey()))).as(f.getKey() + " (re-run RealtimeImporter)").isEqualTo(f.getValue());
        }
        assertThat(JSON.readTree(files.get("index.json")).path("trIds")).hasSize(26);
    }

    private static List<String> codes(JsonNode tr) {
        List<String> out = new ArrayList<>();
        tr.path("fields").forEach(f -> out.add(f.path("code").asText()));
        return out;
    }

    private static List<String> types(JsonNode tr) {
        List<String> out = new ArrayList<>();
        tr.path("fields").forEach(f -> out.add(f.path("type").asText()));
        return out;
    }

}
