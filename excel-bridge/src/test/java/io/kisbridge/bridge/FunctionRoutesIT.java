package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.KisEnvironment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunctionRoutesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    BridgeFixture f;

    @BeforeAll
    void start() {
        f = new BridgeFixture(dir, KisEnvironment.REAL);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private String text(String path) {
        HttpResponse<String> r = f.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private JsonNode json(String path) throws Exception {
        return JSON.readTree(f.get(path).body());
    }

    @Test
    void priceAnswersThePlainNumberAsWebserviceWants() {
        HttpResponse<String> r = f.get("/v1/fn/PRICE/005930");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
        assertThat(r.body()).isEqualTo(Long.toString(f.sim.market().lastPrice("005930")));
    }

    @Test
    void quoteReadsFriendlyAliasesAndKisFieldCodes() throws Exception {
        JsonNode raw = json("/v1/api/inquire-price?FID_INPUT_ISCD=000660").path("output");
        assertThat(text("/v1/fn/QUOTE/000660/per")).isEqualTo(raw.path("per").asText());
        assertThat(text("/v1/fn/QUOTE/000660/high52")).isEqualTo(raw.path("w52_hgpr").asText());
        assertThat(text("/v1/fn/QUOTE/000660/mktcap")).isEqualTo(raw.path("hts_avls").asText());
        assertThat(text("/v1/fn/QUOTE/000660/stck_sdpr")).isEqualTo(raw.path("stck_sdpr").asText());
        assertThat(text("/v1/fn/QUOTE/000660/change_pct")).isEqualTo(raw.path("prdy_ctrt").asText());
    }

    @Test
    void anUnknownQuoteFieldIsAValueErrorWithTheReason() {
        assertThat(text("/v1/fn/QUOTE/005930/colour")).startsWith("#VALUE! unknown quote field 'colour'");
    }

    @Test
    void aMalformedCodeIsAValueErrorAndAnUnknownOneToo() {
        assertThat(text("/v1/fn/PRICE/12AB")).startsWith("#VALUE! PRICE: code must be a 6-character stock code");
        assertThat(text("/v1/fn/QUOTE/999999/per")).startsWith("#VALUE! KIS MCA05918");
    }

    @Test
    void aNumericCodeThatLostItsLeadingZerosStillWorks() {
        assertThat(text("/v1/fn/PRICE/5930")).isEqualTo(Long.toString(f.sim.market().lastPrice("005930")));
    }

    @Test
    void quotesIsACsvTableWithAHeader() {
        String csv = text("/v1/fn/QUOTES/005930,000660/price,per");
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("code,price,per");
        assertThat(lines.get(1)).startsWith("005930," + f.sim.market().lastPrice("005930") + ",");
        assertThat(lines.get(2)).startsWith("000660,");
    }

    @Test
    void historyIsOldestFirstAndPagesPastOneHundredRows() {
        long before = f.sim.counters().calls("FHKST03010100");
        String csv = text("/v1/fn/HISTORY/005930/20250101/20251231?format=csv");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("date,open,high,low,close,volume,value");
        List<String> dates = lines.subList(1, lines.size()).stream().map(l -> l.substring(0, 10)).toList();
        assertThat(dates).hasSizeGreaterThan(200).isSorted().doesNotHaveDuplicates();
        assertThat(dates.get(0)).startsWith("2025-01");
        assertThat(dates.get(dates.size() - 1)).startsWith("2025-12");
        assertThat(f.sim.counters().calls("FHKST03010100") - before).isGreaterThanOrEqualTo(3);
    }

    @Test
    void historyTakesBloombergStyleOptions() {
        List<String> weekly = text("/v1/fn/HISTORY/005930/20250101/20250331/Per=W").lines().toList();
        List<String> daily = text("/v1/fn/HISTORY/005930/20250101/20250331").lines().toList();
        assertThat(weekly.size()).isBetween(12, 16);
        assertThat(daily.size()).isGreaterThan(weekly.size() * 3);
        assertThat(text("/v1/fn/HISTORY/005930/20250101/20250331?period=W").lines().toList()).isEqualTo(weekly);
    }

    @Test
    void historyRefusesAWrongPeriod() {
        assertThat(text("/v1/fn/HISTORY/005930/20250101/20250331/Per=X")).startsWith("#VALUE! HISTORY: period");
        assertThat(text("/v1/fn/HISTORY/005930/2025-13-01")).startsWith("#VALUE! HISTORY: from must be a date");
    }

    @Test
    void formatsRenderScalarsAndTablesAsJsonAndXml() throws Exception {
        long price = f.sim.market().lastPrice("005930");
        assertThat(json("/v1/fn/PRICE/005930?format=json").path("value").asLong()).isEqualTo(price);
        assertThat(text("/v1/fn/PRICE/005930?format=xml")).contains("<value>" + price + "</value>");
        JsonNode t = json("/v1/fn/QUOTES/005930/price,sector?format=json");
        assertThat(t.path("columns").toString()).isEqualTo("[\"code\",\"price\",\"sector\"]");
        assertThat(t.path("rows").get(0).get(0).asText()).isEqualTo("005930");
        assertThat(t.path("rows").get(0).get(1).asLong()).isEqualTo(price);
        assertThat(text("/v1/fn/QUOTES/005930/price?format=xml")).contains("<row><code>005930</code><price>" + price);
    }

    @Test
    void jsonFormatCarriesTheErrorAsStatusAndBody() throws Exception {
        HttpResponse<String> r = f.get("/v1/fn/QUOTE/005930/colour?format=json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").path("kind").asText()).isEqualTo("bad_input");
    }

    @Test
    void callReachesAnyCatalogApiWithKeyValueParameters() {
        String fromCall = text("/v1/fn/CALL/inquire-price/FID_INPUT_ISCD=035420/stck_prpr");
        assertThat(fromCall).isEqualTo(Long.toString(f.sim.market().lastPrice("035420")));
        String fromQuery = text("/v1/fn/CALL/inquire-price?FID_INPUT_ISCD=035420&format=csv");
        assertThat(fromQuery.lines().findFirst().orElseThrow()).contains("stck_prpr");
        String finance = text("/v1/fn/CALL/balance-sheet/fid_input_iscd=005930%3BFID_DIV_CLS_CODE=1");
        assertThat(finance.lines().count()).isGreaterThan(1);
    }

    @Test
    void theCatalogRouteListsEveryApiWithItsTrIdsParamsAndOutputFields() throws Exception {
        JsonNode list = json("/v1/catalog");
        assertThat(list).hasSize(io.kisbridge.core.Catalog.dataApis().size());
        JsonNode ccld = null;
        for (JsonNode a : list) if (a.path("name").asText().equals("inquire-daily-ccld")) ccld = a;
        assertThat(ccld).isNotNull();
        assertThat(ccld.path("trIds").toString()).contains("TTTC0081R", "CTSC9215R", "VTTC0081R", "VTSC9215R");
        assertThat(ccld.path("group").asText()).isEqualTo("domestic_stock");
        assertThat(ccld.path("title").asText()).isNotBlank();
        assertThat(ccld.path("paper").asBoolean()).isTrue();
        assertThat(ccld.path("params").findValuesAsText("name")).contains("INQR_STRT_DT", "CANO");
        assertThat(ccld.path("outputs").path("output1").toString()).contains("odno");
    }

    @Test
    void anyCatalogApiRunsThroughTheApiRouteWithItsDefaults() throws Exception {
        JsonNode volume = json("/v1/api/volume-rank");
        assertThat(volume.path("rt_cd").asText()).isEqualTo("0");
        assertThat(volume.path("tr_id").asText()).isEqualTo("FHPST01710000");
        assertThat(volume.path("output").get(0).has("acml_vol")).isTrue();
        JsonNode index = json("/v1/api/inquire-index-price?FID_INPUT_ISCD=0001");
        assertThat(index.path("tr_id").asText()).isEqualTo("FHPUP02100000");
        assertThat(index.path("output").toString()).contains("bstp_nmix_prpr");
    }

    @Test
    void anUnknownApiNameAnswersWithTheNearestNames() {
        HttpResponse<String> r = f.get("/v1/api/volume-rnk");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("volume-rnk").contains("volume-rank");
    }

    @Test
    void callNeverPlacesOrders() {
        long orders = f.sim.counters().ordersReceived();
        assertThat(text("/v1/fn/CALL/order-cash/PDNO=005930%3BORD_QTY=1%3BORD_UNPR=0"))
                .startsWith("#VALUE! CALL cannot run order-cash");
        assertThat(f.get("/v1/api/order-cash?PDNO=005930&ORD_QTY=1&ORD_UNPR=0").statusCode()).isEqualTo(403);
        assertThat(f.sim.counters().ordersReceived()).isEqualTo(orders);
    }

    @Test
    void balanceListsHoldingsAndCashReadsTheSummary() throws Exception {
        List<String> lines = text("/v1/fn/BALANCE").lines().toList();
        assertThat(lines.get(0)).startsWith("code,name,qty,orderable,avg_price");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("005930,"));
        JsonNode summary = json("/v1/api/inquire-balance").path("output2").get(0);
        assertThat(text("/v1/fn/CASH")).isEqualTo(summary.path("dnca_tot_amt").asText());
        assertThat(text("/v1/fn/CASH/total")).isEqualTo(summary.path("tot_evlu_amt").asText());
    }

    @Test
    void catalogFunctionsAnswerTablesOrOneField() {
        assertThat(text("/v1/fn/INFO/005930").lines().count()).isEqualTo(2);
        assertThat(text("/v1/fn/INFO/005930/Fld=prdt_type_cd")).isEqualTo("300");
        assertThat(text("/v1/fn/FIN/005930/bs").lines().count()).isGreaterThan(1);
        assertThat(text("/v1/fn/RANK/after-hour").lines().count()).isGreaterThan(1);
        assertThat(text("/v1/fn/WATCHGROUPS").lines().count()).isGreaterThan(1);
    }

    @Test
    void apiRouteReturnsTheRawKisOutput() throws Exception {
        JsonNode r = json("/v1/api/inquire-price?FID_INPUT_ISCD=005930");
        assertThat(r.path("rt_cd").asText()).isEqualTo("0");
        assertThat(r.path("tr_id").asText()).isEqualTo("FHKST01010100");
        assertThat(r.path("output").path("stck_prpr").asLong()).isEqualTo(f.sim.market().lastPrice("005930"));
        HttpResponse<String> unknown = f.get("/v1/api/no-such-api");
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    @Test
    void unknownFunctionsAreValueErrors() {
        assertThat(text("/v1/fn/NOPE/1")).startsWith("#VALUE! unknown function 'NOPE'");
    }

    @Test
    void batchRunsManyCallsAndKeepsTheirOrder() throws Exception {
        String body = "{\"calls\":[{\"fn\":\"PRICE\",\"args\":[\"005930\"]},"
                + "{\"fn\":\"QUOTE\",\"args\":[\"000660\",\"per\"]},"
                + "{\"fn\":\"QUOTE\",\"args\":[\"000660\",\"colour\"]},"
                + "{\"fn\":\"HISTORY\",\"args\":[\"005930\",\"20250101\",\"20250110\"]}]}";
        HttpResponse<String> r = f.post("/v1/batch", body);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(r.body()).path("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).path("value").asLong()).isEqualTo(f.sim.market().lastPrice("005930"));
        assertThat(results.get(1).has("value")).isTrue();
        assertThat(results.get(2).path("error").path("cell").asText()).startsWith("#VALUE! unknown quote field");
        assertThat(results.get(3).path("columns").get(0).asText()).isEqualTo("date");
    }

    @Test
    void aBadBatchBodyIsA400() {
        assertThat(f.post("/v1/batch", "not json").statusCode()).isEqualTo(400);
        assertThat(f.post("/v1/batch", "{\"nocalls\":1}").statusCode()).isEqualTo(400);
    }

    @Test
    void theFunctionListComesFromTheSetWithArgumentsAndShapes() throws Exception {
        JsonNode list = json("/v1/functions");
        assertThat(list.findValuesAsText("name")).contains("PRICE", "QUOTE", "QUOTES", "HISTORY", "CALL", "BALANCE",
                "CASH", "MINUTES", "FIN", "INFO", "HOLIDAY", "RANK", "OPINION", "FLOW", "WATCHLIST", "CONDITIONS");
    }

    @Test
    void functionsJsonIsGeneratedFromTheFunctionSetPlusTheStreamingFunctions() throws Exception {
        JsonNode fns = json("/addin/functions.json").path("functions");
        List<String> ids = fns.findValuesAsText("id");
        assertThat(ids).containsAll(f.bridge.functions().all().stream().map(CellFunction::name).toList())
                .contains("STREAM", "BOOK", "FILLS");
        JsonNode history = java.util.stream.StreamSupport.stream(fns.spliterator(), false)
                .filter(n -> n.path("id").asText().equals("HISTORY")).findFirst().orElseThrow();
        assertThat(history.path("parameters").findValuesAsText("name"))
                .containsExactly("code", "from", "to", "period", "adjusted");
        assertThat(history.path("result").path("dimensionality").asText()).isEqualTo("matrix");
        JsonNode stream = java.util.stream.StreamSupport.stream(fns.spliterator(), false)
                .filter(n -> n.path("id").asText().equals("STREAM")).findFirst().orElseThrow();
        assertThat(stream.path("options").path("stream").asBoolean()).isTrue();
        assertThat(stream.path("options").path("cancelable").asBoolean()).isTrue();
    }

    @Test
    void anUnknownCodeInAPriceBatchFailsOnlyItsOwnCell() throws Exception {
        String body = "{\"calls\":[{\"fn\":\"PRICE\",\"args\":[\"068270\"]},{\"fn\":\"PRICE\",\"args\":[\"999998\"]},"
                + "{\"fn\":\"PRICE\",\"args\":[\"005380\"]}]}";
        JsonNode results = JSON.readTree(f.post("/v1/batch", body).body()).path("results");
        assertThat(results.get(0).path("value").asLong()).isEqualTo(f.sim.market().lastPrice("068270"));
        assertThat(results.get(1).path("error").path("cell").asText()).startsWith("#VALUE! KIS MCA05918");
        assertThat(results.get(2).path("value").asLong()).isEqualTo(f.sim.market().lastPrice("005380"));
    }
}
