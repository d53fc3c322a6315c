package io.kisbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.simulator.rest.CatalogRoutes;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The APIs served from the imported catalog facts, checked as strictly as the hand-written ones. */
@Timeout(60)
class GenericRoutesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VOLUME_RANK = "/uapi/domestic-stock/v1/quotations/volume-rank";
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong nanos = new AtomicLong();
    private KisSimulator sim;
    private final Map<SimEnvironment, String> tokens = new java.util.EnumMap<>(SimEnvironment.class);

    @BeforeEach
    void start() {
        sim = KisSimulator.builder().seed(42).clock(new ManualClock(Instant.parse("2025-06-11T01:30:00Z")))
                .autoTicks(false).ticker(nanos::get).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode get(SimEnvironment env, String path, String trId, Map<String, String> query) throws Exception {
        DemoCredentials c = sim.credentials(env);
        String token = tokens.computeIfAbsent(env, e -> issue(e, c));
        nanos.addAndGet(1_000_000_000L);
        String qs = query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest r = HttpRequest.newBuilder(URI.create(sim.restUrl(env) + path + "?" + qs)).GET()
                .header("authorization", "Bearer " + token).header("appkey", c.appKey()).header("appsecret", c.appSecret())
                .header("tr_id", trId).header("custtype", "P").build();
        return JSON.readTree(http.send(r, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** One token per environment: the simulator, like KIS, refuses a second issuance within a minute. */
    private String issue(SimEnvironment env, DemoCredentials c) {
        try {
            return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(sim.restUrl(env) + "/oauth2/tokenP"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("grant_type", "client_credentials", "appkey", c.appKey(), "appsecret", c.appSecret())))).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> volumeRankQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        for (String p : new String[] {"FID_COND_MRKT_DIV_CODE", "FID_COND_SCR_DIV_CODE", "FID_INPUT_ISCD", "FID_DIV_CLS_CODE",
                "FID_BLNG_CLS_CODE", "FID_TRGT_CLS_CODE", "FID_TRGT_EXLS_CLS_CODE", "FID_INPUT_PRICE_1", "FID_INPUT_PRICE_2",
                "FID_VOL_CNT", "FID_INPUT_DATE_1"}) {
            q.put(p, "");
        }
        q.put("FID_COND_MRKT_DIV_CODE", "J");
        return q;
    }

    @Test
    void an_api_without_a_hand_written_handler_answers_every_declared_field_typed() throws Exception {
        JsonNode r = get(SimEnvironment.REAL, VOLUME_RANK, "FHPST01710000", volumeRankQuery());
        assertThat(r.path("rt_cd").asText()).as(r.toString()).isEqualTo("0");
        CatalogRoutes.Facts facts = CatalogRoutes.facts().stream().filter(f -> f.path().equals(VOLUME_RANK)).findFirst().orElseThrow();
        JsonNode row = r.path("output").get(0);
        for (CatalogRoutes.Field f : facts.blocks().get(0).fields()) {
            assertThat(row.has(f.code())).as(f.code()).isTrue();
        }
        assertThat(row.path("stck_prpr").asText()).matches("[0-9]+");
        assertThat(row.path("prdy_vrss_sign").asText()).matches("[1-5]");
        assertThat(r.path("output")).hasSize(3);
    }

    @Test
    void a_wrong_tr_id_a_missing_or_unknown_parameter_and_paper_are_refused() throws Exception {
        assertThat(get(SimEnvironment.REAL, VOLUME_RANK, "FHPST01710001", volumeRankQuery()).path("msg_cd").asText())
                .isEqualTo("OPSQ0002");
        Map<String, String> missing = volumeRankQuery();
        missing.remove("FID_VOL_CNT");
        assertThat(get(SimEnvironment.REAL, VOLUME_RANK, "FHPST01710000", missing).path("msg1").asText())
                .contains("FID_VOL_CNT").contains("NOT FOUND");
        Map<String, String> unknown = volumeRankQuery();
        unknown.put("FID_VOLUME_CNT", "1");
        assertThat(get(SimEnvironment.REAL, VOLUME_RANK, "FHPST01710000", unknown).path("msg1").asText())
                .contains("FID_VOLUME_CNT").contains("NOT DEFINED");
        assertThat(get(SimEnvironment.PAPER, VOLUME_RANK, "FHPST01710000", volumeRankQuery()).path("msg_cd").asText())
                .isEqualTo("90000000");
    }

    @Test
    void a_hand_written_answer_is_completed_with_the_declared_fields_it_lacked_and_keeps_its_market_data() throws Exception {
        JsonNode r = get(SimEnvironment.REAL, "/uapi/domestic-stock/v1/quotations/inquire-price", "FHKST01010100",
                Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930"));
        assertThat(r.path("rt_cd").asText()).isEqualTo("0");
        assertThat(r.at("/output/apprch_rate").isMissingNode()).isFalse();
        assertThat(r.at("/output/stck_prpr").asLong()).isEqualTo(sim.market().lastPrice("005930"));
    }
}
