package io.kisbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.simulator.account.ExecutionNotice;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AccountAndFaultsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER = "/uapi/domestic-stock/v1/trading/order-cash";
    private static final String RVSE = "/uapi/domestic-stock/v1/trading/order-rvsecncl";
    private static final String BALANCE = "/uapi/domestic-stock/v1/trading/inquire-balance";
    private static final String PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-11T01:30:00Z"));
    private final AtomicLong nanos = new AtomicLong();
    private final List<ExecutionNotice> notices = new CopyOnWriteArrayList<>();
    private KisSimulator sim;
    private String token;

    @BeforeEach
    void start() throws Exception {
        sim = KisSimulator.builder().seed(9).clock(clock).autoTicks(false).ticker(nanos::get).start();
        sim.context().executionFeed().onNotice(notices::add);
        token = issueToken(SimEnvironment.REAL);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String issueToken(SimEnvironment env) throws Exception {
        DemoCredentials c = sim.credentials(env);
        JsonNode r = post(env, "/oauth2/tokenP", Map.of("grant_type", "client_credentials", "appkey", c.appKey(),
                "appsecret", c.appSecret()), Map.of()).body();
        return r.get("access_token").asText();
    }

    record Resp(int status, JsonNode body, HttpResponse<String> raw) {}

    private Resp post(SimEnvironment env, String path, Object body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.restUrl(env) + path))
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        headers.forEach(b::header);
        HttpResponse<String> h = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Resp(h.statusCode(), h.body().isEmpty() ? null : JSON.readTree(h.body()), h);
    }

    private Resp get(String path, String trId, Map<String, String> query, Map<String, String> extraHeaders) throws Exception {
        nanos.addAndGet(100_000_000L);
        String qs = query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.restUrl(SimEnvironment.REAL) + path + "?" + qs)).GET();
        headers(trId).forEach(b::header);
        extraHeaders.forEach(b::header);
        HttpResponse<String> h = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Resp(h.statusCode(), JSON.readTree(h.body()), h);
    }

    private Map<String, String> headers(String trId) {
        DemoCredentials c = sim.credentials(SimEnvironment.REAL);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("authorization", "Bearer " + token);
        h.put("appkey", c.appKey());
        h.put("appsecret", c.appSecret());
        h.put("tr_id", trId);
        h.put("custtype", "P");
        return h;
    }

    private Resp order(String trId, String path, Map<String, String> fields) throws Exception {
        nanos.addAndGet(100_000_000L);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("CANO", "50012345");
        body.put("ACNT_PRDT_CD", "01");
        body.putAll(fields);
        return post(SimEnvironment.REAL, path, body, headers(trId));
    }

    private static final Map<String, String> BALANCE_QUERY = Map.of("CANO", "50012345", "ACNT_PRDT_CD", "01",
            "AFHR_FLPR_YN", "N", "OFL_YN", "", "INQR_DVSN", "02", "UNPR_DVSN", "01", "FUND_STTL_ICLD_YN", "N",
            "FNCG_AMT_AUTO_RDPT_YN", "N", "PRCS_DVSN", "00", "CTX_AREA_FK100", "");

    private JsonNode holding(JsonNode balance, String code) {
        for (JsonNode row : balance.get("output1")) {
            if (row.get("pdno").asText().equals(code)) return row;
        }
        return null;
    }

    @Test
    void marketBuyOverHttpShowsUpInBalanceAndOnTheExecutionFeed() throws Exception {
        Map<String, String> q = new LinkedHashMap<>(BALANCE_QUERY);
        q.put("CTX_AREA_NK100", "");
        JsonNode before = get(BALANCE, "TTTC8434R", q, Map.of()).body();
        assertThat(before.get("msg_cd").asText()).isEqualTo("KIOK0510");
        assertThat(holding(before, "005930").get("hldg_qty").asText()).isEqualTo("100");

        Resp r = order("TTTC0012U", ORDER, Map.of("PDNO", "005930", "ORD_DVSN", "01", "ORD_QTY", "7", "ORD_UNPR", "0"));
        assertThat(r.body().get("msg_cd").asText()).isEqualTo("APBK0013");
        assertThat(r.body().get("msg1").asText()).isEqualTo("주문 전송 완료 되었습니다.");
        assertThat(r.body().get("output").get("ODNO").asText()).hasSize(10);

        JsonNode after = get(BALANCE, "TTTC8434R", q, Map.of()).body();
        assertThat(holding(after, "005930").get("hldg_qty").asText()).isEqualTo("107");
        assertThat(holding(after, "005930").get("thdt_buyqty").asText()).isEqualTo("7");
        long cashBefore = before.get("output2").get(0).get("prvs_rcdl_excc_amt").asLong();
        long cashAfter = after.get("output2").get(0).get("prvs_rcdl_excc_amt").asLong();
        assertThat(cashAfter).isLessThan(cashBefore);
        assertThat(notices).extracting(ExecutionNotice::cntgYn).first().isEqualTo("1");
        assertThat(notices).extracting(ExecutionNotice::cntgYn).contains("2");
        assertThat(notices.get(0).environment()).isEqualTo(SimEnvironment.REAL);
        assertThat(notices.get(0).htsId()).isEqualTo("kisdemo");
    }

    @Test
    void restingOrderIsCancellableThenListedAsCancelled() throws Exception {
        long limit = sim.market().book("005930").bidPrices().get(5);
        Resp placed = order("TTTC0012U", ORDER, Map.of("PDNO", "005930", "ORD_DVSN", "00", "ORD_QTY", "3",
                "ORD_UNPR", Long.toString(limit)));
        String odno = placed.body().get("output").get("ODNO").asText();
        JsonNode psbl = get("/uapi/domestic-stock/v1/trading/inquire-psbl-rvsecncl", "TTTC0084R", Map.of("CANO", "50012345",
                "ACNT_PRDT_CD", "01", "INQR_DVSN_1", "0", "INQR_DVSN_2", "0", "CTX_AREA_FK100", "", "CTX_AREA_NK100", ""), Map.of()).body();
        assertThat(psbl.get("output")).hasSize(1);
        assertThat(psbl.get("output").get(0).get("psbl_qty").asText()).isEqualTo("3");

        Resp cancel = order("TTTC0803U", RVSE, Map.of("KRX_FWDG_ORD_ORGNO", "06010", "ORGN_ODNO", odno, "ORD_DVSN", "00",
                "RVSE_CNCL_DVSN_CD", "02", "ORD_QTY", "0", "ORD_UNPR", "0", "QTY_ALL_ORD_YN", "Y"));
        assertThat(cancel.body().get("rt_cd").asText()).isEqualTo("0");
        assertThat(cancel.body().get("output").get("ODNO").asText()).isNotEqualTo(odno);
        JsonNode ccld = get("/uapi/domestic-stock/v1/trading/inquire-daily-ccld", "TTTC8001R", Map.of("CANO", "50012345",
                "ACNT_PRDT_CD", "01", "INQR_STRT_DT", "20250611", "INQR_END_DT", "20250611", "SLL_BUY_DVSN_CD", "00",
                "CCLD_DVSN", "00", "INQR_DVSN", "01", "INQR_DVSN_3", "00", "CTX_AREA_FK100", "", "CTX_AREA_NK100", ""), Map.of()).body();
        assertThat(ccld.get("output1")).hasSize(2);
        assertThat(ccld.get("output1").get(1).get("orgn_odno").asText()).isEqualTo(odno);
        assertThat(ccld.get("output1").get(1).get("cncl_yn").asText()).isEqualTo("Y");
        assertThat(ccld.get("output1").get(0).get("rmn_qty").asText()).isEqualTo("0");
    }

    @Test
    void offTickPriceIsRefusedAsABusinessError() throws Exception {
        long last = sim.market().lastPrice("005930");
        Resp r = order("TTTC0012U", ORDER, Map.of("PDNO", "005930", "ORD_DVSN", "00", "ORD_QTY", "1", "ORD_UNPR", Long.toString(last + 1)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("rt_cd").asText()).isEqualTo("1");
        assertThat(r.body().get("msg1").asText()).contains("호가단위");
    }

    @Test
    void hashkeyEchoesTheBodyAndAMatchingHashIsAccepted() throws Exception {
        DemoCredentials c = sim.credentials(SimEnvironment.REAL);
        long ask = sim.market().book("005930").askPrices().get(0);
        Map<String, String> body = new LinkedHashMap<>(Map.of("CANO", "50012345", "ACNT_PRDT_CD", "01", "PDNO", "005930",
                "ORD_DVSN", "00", "ORD_QTY", "1", "ORD_UNPR", Long.toString(ask)));
        Resp h = post(SimEnvironment.REAL, "/uapi/hashkey", body, Map.of("appkey", c.appKey(), "appsecret", c.appSecret()));
        assertThat(h.body().get("BODY").get("PDNO").asText()).isEqualTo("005930");
        String hash = h.body().get("HASH").asText();
        Map<String, String> hdr = headers("TTTC0012U");
        hdr.put("hashkey", hash);
        nanos.addAndGet(100_000_000L);
        assertThat(post(SimEnvironment.REAL, ORDER, body, hdr).body().get("rt_cd").asText()).isEqualTo("0");
    }

    @Test
    void approvalKeyIsIssuedPerEnvironmentAndRevokeKillsTheToken() throws Exception {
        DemoCredentials c = sim.credentials(SimEnvironment.REAL);
        Resp a = post(SimEnvironment.REAL, "/oauth2/Approval", Map.of("grant_type", "client_credentials", "appkey", c.appKey(),
                "secretkey", c.appSecret()), Map.of());
        String key = a.body().get("approval_key").asText();
        assertThat(key).hasSize(36);
        assertThat(sim.context().approvalKeys().appKeyFor(SimEnvironment.REAL, key)).contains(c.appKey());
        assertThat(sim.context().approvalKeys().appKeyFor(SimEnvironment.PAPER, key)).isEmpty();
        Resp wrong = post(SimEnvironment.REAL, "/oauth2/Approval", Map.of("grant_type", "client_credentials", "appkey", c.appKey(),
                "appsecret", c.appSecret()), Map.of());
        assertThat(wrong.status()).isEqualTo(403);

        Resp revoke = post(SimEnvironment.REAL, "/oauth2/revokeP", Map.of("appkey", c.appKey(), "appsecret", c.appSecret(),
                "token", token), Map.of());
        assertThat(revoke.body().get("code").asInt()).isEqualTo(200);
        assertThat(get(PRICE, "FHKST01010100", Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930"), Map.of())
                .body().get("msg_cd").asText()).isEqualTo("EGW00121");
    }

    @Test
    void faultApiOverHttpRateLimitsExpiresTokensAndReportsCounters() throws Exception {
        Map<String, String> sym = Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930");
        assertThat(post(SimEnvironment.REAL, "/__sim/faults/rate-limit?next=2", "", Map.of()).status()).isEqualTo(200);
        assertThat(get(PRICE, "FHKST01010100", sym, Map.of()).body().get("msg_cd").asText()).isEqualTo("EGW00201");
        assertThat(get(PRICE, "FHKST01010100", sym, Map.of()).body().get("msg_cd").asText()).isEqualTo("EGW00201");
        assertThat(get(PRICE, "FHKST01010100", sym, Map.of()).body().get("rt_cd").asText()).isEqualTo("0");

        post(SimEnvironment.PAPER, "/__sim/faults/expire-tokens", "", Map.of());
        assertThat(get(PRICE, "FHKST01010100", sym, Map.of()).body().get("msg_cd").asText()).isEqualTo("EGW00123");
        String fresh = issueToken(SimEnvironment.REAL);
        assertThat(fresh).isNotEqualTo(token);

        HttpResponse<String> counters = http.send(HttpRequest.newBuilder(
                URI.create(sim.restUrl(SimEnvironment.REAL) + "/__sim/counters")).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode c = JSON.readTree(counters.body());
        assertThat(c.get("callsByTrId").get("FHKST01010100").asInt()).isEqualTo(4);
        assertThat(c.get("rateLimitRejections").asInt()).isEqualTo(2);
        assertThat(c.get("tokenIssuances").asInt()).isEqualTo(2);
    }

    @Test
    void delayFaultSlowsAnswers() throws Exception {
        sim.faults().delayResponses(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        get(PRICE, "FHKST01010100", Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930"), Map.of());
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        sim.faults().reset();
        assertThat(sim.faults().delay()).isZero();
    }

    @Test
    void bannerNamesBothEnvironmentsAndTheDemoCredentials() {
        String banner = sim.banner();
        assertThat(banner).contains(sim.restUrl(SimEnvironment.REAL), sim.restUrl(SimEnvironment.PAPER),
                sim.wsUrl(SimEnvironment.REAL), sim.wsUrl(SimEnvironment.PAPER),
                sim.credentials(SimEnvironment.PAPER).appKey(), "50012345-01", "/__sim/faults");
        assertThat(sim.credentials(SimEnvironment.REAL).appKey()).hasSize(36);
        assertThat(sim.credentials(SimEnvironment.REAL).appSecret()).hasSize(180);
        assertThat(sim.credentials(SimEnvironment.REAL).toString()).doesNotContain(sim.credentials(SimEnvironment.REAL).appSecret());
    }
}
