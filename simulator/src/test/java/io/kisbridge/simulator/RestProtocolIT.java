package io.kisbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RestProtocolIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-11T01:30:00Z"));
    private final AtomicLong nanos = new AtomicLong();
    private KisSimulator sim;

    record Resp(int status, JsonNode body, HttpResponse<String> raw) {}

    @BeforeEach
    void start() {
        sim = KisSimulator.builder().seed(42).clock(clock).autoTicks(false).ticker(nanos::get).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Resp post(SimEnvironment env, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.restUrl(env) + path))
                .header("content-type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    private Resp send(HttpRequest r) throws Exception {
        HttpResponse<String> h = http.send(r, HttpResponse.BodyHandlers.ofString());
        return new Resp(h.statusCode(), JSON.readTree(h.body()), h);
    }

    private String token(SimEnvironment env) throws Exception {
        DemoCredentials c = sim.credentials(env);
        Resp r = post(env, "/oauth2/tokenP", JSON.writeValueAsString(Map.of("grant_type", "client_credentials",
                "appkey", c.appKey(), "appsecret", c.appSecret())), Map.of());
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("access_token").asText();
    }

    private Map<String, String> headers(SimEnvironment env, String token, String trId) {
        DemoCredentials c = sim.credentials(env);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("authorization", "Bearer " + token);
        h.put("appkey", c.appKey());
        h.put("appsecret", c.appSecret());
        h.put("tr_id", trId);
        h.put("custtype", "P");
        return h;
    }

    private Resp get(SimEnvironment env, String path, Map<String, String> headers, Map<String, String> query) throws Exception {
        String qs = query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.restUrl(env) + path + "?" + qs)).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    private static final String PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price";
    private static final Map<String, String> SAMSUNG = Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930");

    @Test
    void issuesTokenAndAnswersInquirePrice() throws Exception {
        String token = token(SimEnvironment.REAL);
        Resp r = get(SimEnvironment.REAL, PRICE, headers(SimEnvironment.REAL, token, "FHKST01010100"), SAMSUNG);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("rt_cd").asText()).isEqualTo("0");
        assertThat(r.body().get("msg_cd").asText()).isEqualTo("MCA00000");
        assertThat(r.body().get("output").get("stck_prpr").isTextual()).isTrue();
        assertThat(r.raw().headers().firstValue("tr_id")).contains("FHKST01010100");
        assertThat(r.raw().headers().firstValue("content-type").orElse("")).startsWith("application/json");
    }

    @Test
    void queryNamesMatchCaseInsensitively() throws Exception {
        String token = token(SimEnvironment.REAL);
        Resp r = get(SimEnvironment.REAL, PRICE, headers(SimEnvironment.REAL, token, "FHKST01010100"),
                Map.of("fid_cond_mrkt_div_code", "J", "fid_input_iscd", "005930"));
        assertThat(r.body().get("rt_cd").asText()).isEqualTo("0");
    }

    @Test
    void sameTokenWithinSixHoursAndOneIssuancePerMinute() throws Exception {
        String first = token(SimEnvironment.REAL);
        DemoCredentials c = sim.credentials(SimEnvironment.REAL);
        String body = JSON.writeValueAsString(Map.of("grant_type", "client_credentials", "appkey", c.appKey(), "appsecret", c.appSecret()));
        Resp tooSoon = post(SimEnvironment.REAL, "/oauth2/tokenP", body, Map.of());
        assertThat(tooSoon.status()).isEqualTo(403);
        assertThat(tooSoon.body().get("error_code").asText()).isEqualTo("EGW00133");
        clock.advance(Duration.ofMinutes(2));
        assertThat(token(SimEnvironment.REAL)).isEqualTo(first);
        clock.advance(Duration.ofHours(7));
        assertThat(token(SimEnvironment.REAL)).isNotEqualTo(first);
        assertThat(sim.counters().tokenIssuances()).isEqualTo(3);
    }

    @Test
    void expiredTokenAnswersEgw00123() throws Exception {
        String token = token(SimEnvironment.REAL);
        clock.advance(Duration.ofHours(25));
        Resp r = get(SimEnvironment.REAL, PRICE, headers(SimEnvironment.REAL, token, "FHKST01010100"), SAMSUNG);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body().get("msg_cd").asText()).isEqualTo("EGW00123");
    }

    @Test
    void refusesBadCredentialsTheWayTheGatewayDoes() throws Exception {
        String token = token(SimEnvironment.REAL);
        Map<String, String> h = headers(SimEnvironment.REAL, token, "FHKST01010100");
        h.remove("appkey");
        assertThat(get(SimEnvironment.REAL, PRICE, h, SAMSUNG).body().get("msg_cd").asText()).isEqualTo("EGW00102");
        h = headers(SimEnvironment.REAL, token, "FHKST01010100");
        h.put("appsecret", "wrong");
        assertThat(get(SimEnvironment.REAL, PRICE, h, SAMSUNG).body().get("msg_cd").asText()).isEqualTo("EGW00105");
        h = headers(SimEnvironment.REAL, token, "FHKST01010100");
        h.put("authorization", token);
        assertThat(get(SimEnvironment.REAL, PRICE, h, SAMSUNG).body().get("msg_cd").asText()).isEqualTo("EGW00205");
        h = headers(SimEnvironment.REAL, "not-a-token", "FHKST01010100");
        Resp bad = get(SimEnvironment.REAL, PRICE, h, SAMSUNG);
        assertThat(bad.status()).isEqualTo(500);
        assertThat(bad.body().get("msg_cd").asText()).isEqualTo("EGW00121");
    }

    @Test
    void refusesAParameterTheApiDoesNotDefineSoAMisspeltNameCannotPass() throws Exception {
        String token = token(SimEnvironment.REAL);
        Resp r = get(SimEnvironment.REAL, PRICE, headers(SimEnvironment.REAL, token, "FHKST01010100"),
                Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930", "FID_INPUT_ISCD_2", "000660"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("rt_cd").asText()).isEqualTo("1");
        assertThat(r.body().get("msg_cd").asText()).isEqualTo("OPSQ2002");
        assertThat(r.body().get("msg1").asText()).contains("FID_INPUT_ISCD_2");
    }

    @Test
    void refusesWrongTrIdMissingParameterAndPaperOnlyMistakes() throws Exception {
        String token = token(SimEnvironment.REAL);
        assertThat(get(SimEnvironment.REAL, PRICE, headers(SimEnvironment.REAL, token, "FHKST01010400"), SAMSUNG)
                .body().get("msg_cd").asText()).isEqualTo("OPSQ0002");
        Resp missing = get(SimEnvironment.REAL, PRICE, headers(SimEnvironment.REAL, token, "FHKST01010100"),
                Map.of("FID_COND_MRKT_DIV_CODE", "J"));
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body().get("rt_cd").asText()).isEqualTo("1");
        assertThat(missing.body().get("msg1").asText()).contains("FID_INPUT_ISCD");

        String paper = token(SimEnvironment.PAPER);
        Resp unsupported = get(SimEnvironment.PAPER, "/uapi/domestic-stock/v1/quotations/inquire-price-2",
                headers(SimEnvironment.PAPER, paper, "FHPST01010000"), SAMSUNG);
        assertThat(unsupported.status()).isEqualTo(200);
        assertThat(unsupported.body().get("msg_cd").asText()).isEqualTo("90000000");
        assertThat(unsupported.body().get("msg1").asText()).isEqualTo("모의투자에서는 해당업무가 제공되지 않습니다.");
        Resp realTr = get(SimEnvironment.PAPER, "/uapi/domestic-stock/v1/trading/inquire-psbl-order",
                headers(SimEnvironment.PAPER, paper, "TTTC8908R"), Map.of());
        assertThat(realTr.body().get("msg_cd").asText()).isEqualTo("EGW2004");
    }

    @Test
    void refusesMissingCusttypeAndUnknownPaths() throws Exception {
        String token = token(SimEnvironment.REAL);
        Map<String, String> h = headers(SimEnvironment.REAL, token, "FHKST01010100");
        h.remove("custtype");
        assertThat(get(SimEnvironment.REAL, PRICE, h, SAMSUNG).body().get("msg_cd").asText()).isEqualTo("EGW00208");
        Resp unknown = get(SimEnvironment.REAL, "/uapi/domestic-stock/v1/quotations/no-such-api",
                headers(SimEnvironment.REAL, token, "FHKST01010100"), SAMSUNG);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("msg_cd").asText()).isEqualTo("OPSQ0002");
    }

    @Test
    void everyRealOnlyRouteRefusesPaperWithTheDocumentedMessage() throws Exception {
        String paper = token(SimEnvironment.PAPER);
        int refused = 0;
        for (var route : new io.kisbridge.simulator.rest.Routes().all()) {
            if (route.paperSupported()) continue;
            nanos.addAndGet(1_000_000_000L);
            Resp r = get(SimEnvironment.PAPER, route.path(), headers(SimEnvironment.PAPER, paper, route.realTrIds().get(0)), Map.of());
            assertThat(r.body().get("msg_cd").asText()).as(route.name()).isEqualTo("90000000");
            refused++;
        }
        assertThat(refused).isEqualTo(24);
    }

    @Test
    void deprecatedTrIdsAreAcceptedAsAliases() throws Exception {
        String token = token(SimEnvironment.REAL);
        Map<String, String> q = new LinkedHashMap<>(Map.of("CANO", "50012345", "ACNT_PRDT_CD", "01", "INQR_STRT_DT", "20250611",
                "INQR_END_DT", "20250611", "SLL_BUY_DVSN_CD", "00", "CCLD_DVSN", "00", "INQR_DVSN", "00", "INQR_DVSN_3", "00"));
        for (String tr : java.util.List.of("TTTC0081R", "TTTC8001R", "CTSC9215R", "CTSC9115R")) {
            nanos.addAndGet(1_000_000_000L);
            Resp r = get(SimEnvironment.REAL, "/uapi/domestic-stock/v1/trading/inquire-daily-ccld", headers(SimEnvironment.REAL, token, tr), q);
            assertThat(r.body().get("rt_cd").asText()).as(tr).isEqualTo("0");
            assertThat(r.raw().headers().firstValue("tr_id")).contains(tr);
        }
        Map<String, String> p = Map.of("CANO", "50012345", "ACNT_PRDT_CD", "01", "INQR_DVSN_1", "0", "INQR_DVSN_2", "0",
                "CTX_AREA_FK100", "", "CTX_AREA_NK100", "");
        nanos.addAndGet(1_000_000_000L);
        assertThat(get(SimEnvironment.REAL, "/uapi/domestic-stock/v1/trading/inquire-psbl-rvsecncl",
                headers(SimEnvironment.REAL, token, "TTTC8036R"), p).body().get("rt_cd").asText()).isEqualTo("0");
    }

    @Test
    void twentyFirstCallInOneSecondIsRateLimited() throws Exception {
        String token = token(SimEnvironment.REAL);
        for (int i = 0; i < 20; i++) {
            assertThat(get(SimEnvironment.REAL, PRICE, headers(SimEnvironment.REAL, token, "FHKST01010100"), SAMSUNG).status()).isEqualTo(200);
        }
        Resp limited = get(SimEnvironment.REAL, PRICE, headers(SimEnvironment.REAL, token, "FHKST01010100"), SAMSUNG);
        assertThat(limited.status()).isEqualTo(500);
        assertThat(limited.body().get("msg_cd").asText()).isEqualTo("EGW00201");
        nanos.addAndGet(1_000_000_000L);
        assertThat(get(SimEnvironment.REAL, PRICE, headers(SimEnvironment.REAL, token, "FHKST01010100"), SAMSUNG).status()).isEqualTo(200);
        assertThat(sim.counters().maxCallsInAnySecond(SimEnvironment.REAL)).isEqualTo(21);
        assertThat(sim.counters().calls("FHKST01010100")).isEqualTo(22);
    }

    @Test
    void paperAllowsTwoCallsPerSecond() throws Exception {
        String token = token(SimEnvironment.PAPER);
        Map<String, String> h = headers(SimEnvironment.PAPER, token, "FHKST01010100");
        assertThat(get(SimEnvironment.PAPER, PRICE, h, SAMSUNG).status()).isEqualTo(200);
        assertThat(get(SimEnvironment.PAPER, PRICE, h, SAMSUNG).status()).isEqualTo(200);
        assertThat(get(SimEnvironment.PAPER, PRICE, h, SAMSUNG).body().get("msg_cd").asText()).isEqualTo("EGW00201");
    }

    private String order(String trId, String cano, Map<String, String> extra) throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("CANO", cano);
        body.put("ACNT_PRDT_CD", "01");
        body.putAll(extra);
        return JSON.writeValueAsString(body);
    }

    @Test
    void ordersRequireUpperCaseStringFieldsAndAcceptDeprecatedTrIds() throws Exception {
        String token = token(SimEnvironment.PAPER);
        String path = "/uapi/domestic-stock/v1/trading/order-cash";
        long ask = sim.market().book("005930").askPrices().get(0);
        String good = order("VTTC0012U", "50098765", Map.of("PDNO", "005930", "ORD_DVSN", "00", "ORD_QTY", "1", "ORD_UNPR", Long.toString(ask)));
        Resp ok = post(SimEnvironment.PAPER, path, good, headers(SimEnvironment.PAPER, token, "VTTC0012U"));
        assertThat(ok.body().get("msg_cd").asText()).isEqualTo("40600000");
        assertThat(ok.body().get("msg1").asText()).isEqualTo("모의투자 매수주문이 완료 되었습니다.");
        assertThat(ok.body().get("output").get("KRX_FWDG_ORD_ORGNO").asText()).isEqualTo("00950");
        nanos.addAndGet(1_000_000_000L);
        Resp alias = post(SimEnvironment.PAPER, path, good, headers(SimEnvironment.PAPER, token, "VTTC0802U"));
        assertThat(alias.body().get("rt_cd").asText()).isEqualTo("0");
        nanos.addAndGet(1_000_000_000L);
        Resp lower = post(SimEnvironment.PAPER, path, good.replace("\"PDNO\"", "\"pdno\""), headers(SimEnvironment.PAPER, token, "VTTC0012U"));
        assertThat(lower.body().get("rt_cd").asText()).isEqualTo("1");
        nanos.addAndGet(1_000_000_000L);
        Resp number = post(SimEnvironment.PAPER, path, good.replace("\"ORD_QTY\":\"1\"", "\"ORD_QTY\":1"), headers(SimEnvironment.PAPER, token, "VTTC0012U"));
        assertThat(number.body().get("rt_cd").asText()).isEqualTo("1");
        nanos.addAndGet(1_000_000_000L);
        Map<String, String> h = headers(SimEnvironment.PAPER, token, "VTTC0012U");
        h.put("hashkey", "0000");
        assertThat(post(SimEnvironment.PAPER, path, good, h).body().get("msg_cd").asText()).isEqualTo("EGW00131");
        assertThat(sim.counters().ordersReceived()).isEqualTo(2);
    }

    @Test
    void balancePagesThroughDailyExecutionsWithTrCont() throws Exception {
        String token = token(SimEnvironment.PAPER);
        String path = "/uapi/domestic-stock/v1/trading/order-cash";
        long bid = sim.market().book("005930").bidPrices().get(9);
        for (int i = 0; i < 17; i++) {
            nanos.addAndGet(1_000_000_000L);
            Resp r = post(SimEnvironment.PAPER, path, order("VTTC0012U", "50098765",
                    Map.of("PDNO", "005930", "ORD_DVSN", "00", "ORD_QTY", "1", "ORD_UNPR", Long.toString(bid))),
                    headers(SimEnvironment.PAPER, token, "VTTC0012U"));
            assertThat(r.body().get("rt_cd").asText()).isEqualTo("0");
        }
        Map<String, String> q = new LinkedHashMap<>(Map.of("CANO", "50098765", "ACNT_PRDT_CD", "01", "INQR_STRT_DT", "20250611",
                "INQR_END_DT", "20250611", "SLL_BUY_DVSN_CD", "00", "CCLD_DVSN", "00", "INQR_DVSN", "00", "INQR_DVSN_3", "00"));
        q.put("CTX_AREA_FK100", "");
        q.put("CTX_AREA_NK100", "");
        nanos.addAndGet(1_000_000_000L);
        Resp first = get(SimEnvironment.PAPER, "/uapi/domestic-stock/v1/trading/inquire-daily-ccld", headers(SimEnvironment.PAPER, token, "VTTC0081R"), q);
        assertThat(first.body().get("output1")).hasSize(15);
        assertThat(first.raw().headers().firstValue("tr_cont")).contains("F");
        assertThat(first.body().get("ctx_area_nk100").asText()).hasSize(100);
        q.put("CTX_AREA_NK100", first.body().get("ctx_area_nk100").asText());
        q.put("CTX_AREA_FK100", first.body().get("ctx_area_fk100").asText());
        Map<String, String> h = headers(SimEnvironment.PAPER, token, "VTTC0081R");
        h.put("tr_cont", "N");
        nanos.addAndGet(1_000_000_000L);
        Resp second = get(SimEnvironment.PAPER, "/uapi/domestic-stock/v1/trading/inquire-daily-ccld", h, q);
        assertThat(second.body().get("output1")).hasSize(2);
        assertThat(second.raw().headers().firstValue("tr_cont")).contains("E");
    }

    @Test
    void dailyChartGivesAtMostHundredBarsNewestFirstAndPagesBackByDate() throws Exception {
        String token = token(SimEnvironment.REAL);
        String path = "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice";
        Map<String, String> q = new LinkedHashMap<>(Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930",
                "FID_INPUT_DATE_1", "20200101", "FID_INPUT_DATE_2", "20250611", "FID_PERIOD_DIV_CODE", "D", "FID_ORG_ADJ_PRC", "0"));
        JsonNode first = get(SimEnvironment.REAL, path, headers(SimEnvironment.REAL, token, "FHKST03010100"), q).body();
        JsonNode bars = first.get("output2");
        assertThat(bars).hasSize(100);
        assertThat(bars.get(0).get("stck_bsop_date").asText()).isGreaterThan(bars.get(99).get("stck_bsop_date").asText());
        java.time.LocalDate oldest = java.time.LocalDate.parse(bars.get(99).get("stck_bsop_date").asText(), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        q.put("FID_INPUT_DATE_2", oldest.minusDays(1).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        nanos.addAndGet(1_000_000_000L);
        JsonNode second = get(SimEnvironment.REAL, path, headers(SimEnvironment.REAL, token, "FHKST03010100"), q).body();
        assertThat(second.get("output2").get(0).get("stck_bsop_date").asText()).isLessThan(oldest.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(first.get("output1").get("hts_kor_isnm").asText()).isEqualTo("삼성전자");

        String minutes = "/uapi/domestic-stock/v1/quotations/inquire-time-itemchartprice";
        nanos.addAndGet(1_000_000_000L);
        JsonNode m = get(SimEnvironment.REAL, minutes, headers(SimEnvironment.REAL, token, "FHKST03010200"), Map.of(
                "FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930", "FID_INPUT_HOUR_1", "100000",
                "FID_PW_DATA_INCU_YN", "Y", "FID_ETC_CLS_CODE", "")).body();
        assertThat(m.get("output2")).hasSize(30);
        assertThat(m.get("output2").get(0).get("stck_cntg_hour").asText()).isEqualTo("100000");
        assertThat(m.get("output2").get(29).get("stck_cntg_hour").asText()).isEqualTo("093100");
    }

    @Test
    void standaloneStartUsesConsecutivePorts() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (KisSimulator standalone = SimulatorMain.startStandalone(port, 1)) {
            assertThat(standalone.restUrl(SimEnvironment.REAL)).isEqualTo("http://127.0.0.1:" + port);
            assertThat(standalone.restUrl(SimEnvironment.PAPER)).isEqualTo("http://127.0.0.1:" + (port + 1));
            assertThat(standalone.banner()).contains("http://127.0.0.1:" + port);
        }
    }

    @Test
    void paperBalancePagesByTwenty() throws Exception {
        String token = token(SimEnvironment.PAPER);
        var codes = sim.market().codes().stream()
                .filter(c -> !java.util.Set.of("005930", "000660", "035420", "005380").contains(c)).limit(17).toList();
        for (String code : codes) {
            nanos.addAndGet(1_000_000_000L);
            long ask = sim.market().book(code).askPrices().get(0);
            Resp r = post(SimEnvironment.PAPER, "/uapi/domestic-stock/v1/trading/order-cash", order("VTTC0012U", "50098765",
                    Map.of("PDNO", code, "ORD_DVSN", "00", "ORD_QTY", "1", "ORD_UNPR", Long.toString(ask))),
                    headers(SimEnvironment.PAPER, token, "VTTC0012U"));
            assertThat(r.body().get("rt_cd").asText()).as(code).isEqualTo("0");
        }
        Map<String, String> q = new LinkedHashMap<>(Map.of("CANO", "50098765", "ACNT_PRDT_CD", "01", "AFHR_FLPR_YN", "N",
                "OFL_YN", "", "INQR_DVSN", "02", "UNPR_DVSN", "01", "FUND_STTL_ICLD_YN", "N", "FNCG_AMT_AUTO_RDPT_YN", "N",
                "PRCS_DVSN", "00", "CTX_AREA_FK100", ""));
        q.put("CTX_AREA_NK100", "");
        nanos.addAndGet(1_000_000_000L);
        String path = "/uapi/domestic-stock/v1/trading/inquire-balance";
        Resp first = get(SimEnvironment.PAPER, path, headers(SimEnvironment.PAPER, token, "VTTC8434R"), q);
        assertThat(first.body().get("output1")).hasSize(20);
        assertThat(first.raw().headers().firstValue("tr_cont")).contains("F");
        q.put("CTX_AREA_NK100", first.body().get("ctx_area_nk100").asText());
        Map<String, String> h = headers(SimEnvironment.PAPER, token, "VTTC8434R");
        h.put("tr_cont", "N");
        nanos.addAndGet(1_000_000_000L);
        Resp second = get(SimEnvironment.PAPER, path, h, q);
        assertThat(second.body().get("output1")).hasSize(1);
        assertThat(second.raw().headers().firstValue("tr_cont")).contains("E");
        assertThat(second.body().get("output2")).hasSize(1);
    }

    @Test
    void everyRouteAnswersWithItsDocumentedBlocks() throws Exception {
        String token = token(SimEnvironment.REAL);
        var routes = new io.kisbridge.simulator.rest.Routes().all();
        assertThat(routes).hasSize(33);
        Map<String, String> values = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.put("FID_COND_MRKT_DIV_CODE", "J");
        values.put("FID_INPUT_ISCD", "005930");
        values.put("FID_INPUT_DATE_1", "20250101");
        values.put("FID_INPUT_DATE_2", "20250610");
        values.put("FID_PERIOD_DIV_CODE", "D");
        values.put("FID_INPUT_HOUR_1", "103000");
        values.put("CANO", "50012345");
        values.put("ACNT_PRDT_CD", "01");
        values.put("PDNO", "005930");
        values.put("PRDT_TYPE_CD", "300");
        values.put("BASS_DT", "20250601");
        values.put("INQR_STRT_DT", "20250611");
        values.put("INQR_END_DT", "20250611");
        values.put("user_id", "kisdemo");
        values.put("seq", "0");
        values.put("INTER_GRP_CODE", "001");
        values.put("FID_INPUT_ISCD_1", "005930");
        values.put("FID_COND_MRKT_DIV_CODE_1", "J");
        for (var route : routes) {
            if (route.post()) continue;
            Map<String, String> q = new LinkedHashMap<>();
            for (String p : route.required()) q.put(p, values.getOrDefault(p, ""));
            if (route.name().equals("foreign-institution-total")) q.put("FID_COND_MRKT_DIV_CODE", "V");
            if (route.name().equals("after-hour-balance") || route.name().equals("quote-balance")) {
                q.put("fid_input_iscd", "0000");
                q.put("fid_cond_mrkt_div_code", "J");
            }
            if (route.name().equals("invest-opbysec")) q.put("FID_INPUT_ISCD", "999");
            nanos.addAndGet(1_000_000_000L);
            Resp r = get(SimEnvironment.REAL, route.path(), headers(SimEnvironment.REAL, token, route.realTrIds().get(0)), q);
            assertThat(r.body().get("rt_cd").asText()).as(route.name() + " " + r.body()).isEqualTo("0");
            boolean two = r.body().has("output1") && r.body().has("output2");
            boolean one = r.body().has("output") || (r.body().has("output2") && !r.body().has("output1"));
            assertThat(two || one).as(route.name()).isTrue();
        }
    }
}
