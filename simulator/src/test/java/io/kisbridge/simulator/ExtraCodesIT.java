package io.kisbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The extended universe: synthetic listed codes after the 57 real names, deterministic per seed, on every route. */
@Timeout(60)
class ExtraCodesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant MORNING = Instant.parse("2025-06-11T01:30:00Z");
    private final HttpClient http = HttpClient.newHttpClient();

    private static KisSimulator start(long seed, int extra) {
        return KisSimulator.builder().seed(seed).clock(new ManualClock(MORNING)).autoTicks(false).extraCodes(extra).start();
    }

    @Test
    void extraCodesFollowTheRealNamesAndAreTheSameForTheSameSeed() {
        try (KisSimulator plain = start(42, 0); KisSimulator a = start(42, 500); KisSimulator b = start(42, 500);
             KisSimulator other = start(43, 500)) {
            List<String> real = plain.market().codes();
            assertThat(real).hasSize(57).contains("005930", "000660");
            List<String> codes = a.market().codes();
            assertThat(codes).hasSize(557).doesNotHaveDuplicates().startsWith(real.toArray(String[]::new));
            List<String> extra = codes.subList(57, codes.size());
            assertThat(extra).allMatch(c -> c.matches("9[0-9]{5}"));
            assertThat(b.market().codes()).isEqualTo(codes);
            assertThat(other.market().codes().subList(57, 557)).isNotEqualTo(extra);
            for (String c : extra.subList(0, 50)) {
                assertThat(b.market().name(c)).isEqualTo(a.market().name(c)).matches("\\p{IsHangul}+[0-9]*");
                assertThat(b.market().lastPrice(c)).isEqualTo(a.market().lastPrice(c)).isBetween(700L, 700_000L);
            }
            // the real names are untouched by the option
            assertThat(a.market().name("005930")).isEqualTo("삼성전자");
            assertThat(a.market().lastPrice("005930")).isEqualTo(plain.market().lastPrice("005930"));
            assertThatThrownBy(() -> plain.market().lastPrice(extra.get(0))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void restRoutesAnswerForSyntheticCodes() throws Exception {
        try (KisSimulator sim = start(42, 100)) {
            String token = token(sim);
            List<String> extra = sim.market().codes().subList(57, 90);
            String code = extra.get(0);
            JsonNode price = get(sim, token, "inquire-price", "FHKST01010100",
                    "FID_COND_MRKT_DIV_CODE=J&FID_INPUT_ISCD=" + code);
            assertThat(price.path("rt_cd").asText()).isEqualTo("0");
            assertThat(price.path("output").path("stck_prpr").asLong()).isEqualTo(sim.market().lastPrice(code));

            StringBuilder q = new StringBuilder();
            for (int i = 1; i <= 30; i++) {
                q.append(i == 1 ? "" : "&").append("FID_COND_MRKT_DIV_CODE_").append(i).append("=J&FID_INPUT_ISCD_")
                        .append(i).append('=').append(extra.get(i - 1));
            }
            JsonNode multi = get(sim, token, "intstock-multprice", "FHKST11300006", q.toString());
            assertThat(multi.path("rt_cd").asText()).isEqualTo("0");
            assertThat(multi.path("output")).hasSize(30);
            for (int i = 0; i < 30; i++) {
                JsonNode row = multi.path("output").get(i);
                assertThat(row.path("inter_shrn_iscd").asText()).isEqualTo(extra.get(i));
                assertThat(row.path("inter2_prpr").asLong()).isEqualTo(sim.market().lastPrice(extra.get(i)));
                assertThat(row.path("inter_kor_isnm").asText()).isEqualTo(sim.market().name(extra.get(i)));
            }
            JsonNode chart = get(sim, token, "inquire-daily-itemchartprice", "FHKST03010100",
                    "FID_COND_MRKT_DIV_CODE=J&FID_INPUT_ISCD=" + code
                            + "&FID_INPUT_DATE_1=20250101&FID_INPUT_DATE_2=20250610&FID_PERIOD_DIV_CODE=D&FID_ORG_ADJ_PRC=0");
            assertThat(chart.path("rt_cd").asText()).isEqualTo("0");
            assertThat(chart.path("output2").size()).isPositive();
            assertThat(sim.counters().rateLimitRejections()).isZero();
        }
    }

    private String token(KisSimulator sim) throws Exception {
        DemoCredentials c = sim.credentials(SimEnvironment.REAL);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.restUrl(SimEnvironment.REAL) + "/oauth2/tokenP"))
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("grant_type", "client_credentials",
                        "appkey", c.appKey(), "appsecret", c.appSecret())))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private JsonNode get(KisSimulator sim, String token, String api, String trId, String query) throws Exception {
        DemoCredentials c = sim.credentials(SimEnvironment.REAL);
        HttpRequest r = HttpRequest.newBuilder(URI.create(sim.restUrl(SimEnvironment.REAL)
                        + "/uapi/domestic-stock/v1/quotations/" + api + "?" + query))
                .header("authorization", "Bearer " + token).header("appkey", c.appKey()).header("appsecret", c.appSecret())
                .header("tr_id", trId).header("custtype", "P").GET().build();
        HttpResponse<String> h = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(h.statusCode()).as(h.body()).isEqualTo(200);
        return JSON.readTree(h.body());
    }
}
