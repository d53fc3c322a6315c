package io.kisbridge.core;

import static io.kisbridge.core.FakeTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kisbridge.core.internal.Json;
import io.kisbridge.core.internal.Ticker;
import io.kisbridge.core.rest.HttpTransport;
import io.kisbridge.core.rest.RateLimiter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestExecutorTest {
    private static final String PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price";
    private static final String ORDER = "/uapi/domestic-stock/v1/trading/order-cash";

    @TempDir
    Path stateDir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    final FakeTransport fake = new FakeTransport();

    private KisClient client(KisEnvironment env) {
        KisConfig config = TestConfigs.builder(stateDir, env, clock).build();
        return KisClient.builder(config).transport(fake).sleeper(clock.sleeper())
                .rateLimiter(new RateLimiter(1000, Duration.ofSeconds(1), Ticker.SYSTEM)).build();
    }

    static Map<String, String> query(HttpTransport.Request r) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = r.uri().getRawQuery();
        if (q != null) {
            for (String kv : q.split("&")) {
                int i = kv.indexOf('=');
                out.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void sendsTheKisHeadersAndTheCatalogQuery() {
        fake.always(PRICE, r -> json(200, FakeTransport.OK));
        CurrentPrice p = client(KisEnvironment.REAL).currentPrice("005930");
        assertThat(p.price()).isEqualTo(71900);
        HttpTransport.Request r = fake.to(PRICE).get(0);
        assertThat(r.headers()).containsEntry("authorization", "Bearer eyJ.FAKE-ACCESS-TOKEN-1")
                .containsEntry("appkey", TestConfigs.APP_KEY).containsEntry("appsecret", TestConfigs.APP_SECRET)
                .containsEntry("tr_id", "FHKST01010100").containsEntry("custtype", "P")
                .containsEntry("content-type", "application/json; charset=utf-8").doesNotContainKey("hashkey");
        assertThat(query(r)).containsExactly(Map.entry("FID_COND_MRKT_DIV_CODE", "J"), Map.entry("FID_INPUT_ISCD", "005930"));
        assertThat(r.method()).isEqualTo("GET");
    }

    @Test
    void turnsANonZeroRtCdIntoATypedApiException() {
        fake.always(PRICE, r -> json(200, "{\"rt_cd\":\"1\",\"msg_cd\":\"OPSQ2001\",\"msg1\":\"ERROR INPUT FIELD   \"}"));
        assertThatThrownBy(() -> client(KisEnvironment.REAL).call("inquire-price", Map.of("FID_INPUT_ISCD", "999999")))
                .isInstanceOfSatisfying(KisApiException.class, e -> {
                    assertThat(e.msgCd()).isEqualTo("OPSQ2001");
                    assertThat(e.msg1()).isEqualTo("ERROR INPUT FIELD");
                    assertThat(e.trId()).isEqualTo("FHKST01010100");
                    assertThat(e.httpStatus()).isEqualTo(200);
                });
    }

    @Test
    void parsesGatewayErrorsAnsweredWithHttp500AndRejectsNonJson() {
        fake.once(PRICE, r -> json(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00002\",\"msg1\":\"서버 에러\"}"));
        fake.always(PRICE, r -> new HttpTransport.Reply(502, Map.of(), "<html>bad gateway</html>"));
        KisClient c = client(KisEnvironment.REAL);
        assertThatThrownBy(() -> c.currentPrice("005930"))
                .isInstanceOfSatisfying(KisApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(500));
        assertThatThrownBy(() -> c.currentPrice("005930"))
                .isInstanceOfSatisfying(KisHttpException.class, e -> assertThat(e.status()).isEqualTo(502));
    }

    @Test
    void retriesRateLimitAnswersWithBoundedBackoff() {
        fake.once(PRICE, r -> json(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00201\",\"msg1\":\"초당 거래건수를 초과하였습니다.\"}"));
        fake.once(PRICE, r -> json(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00201\",\"msg1\":\"초당 거래건수를 초과하였습니다.\"}"));
        fake.always(PRICE, r -> json(200, FakeTransport.OK));
        assertThat(client(KisEnvironment.REAL).currentPrice("005930").price()).isEqualTo(71900);
        assertThat(fake.count(PRICE)).isEqualTo(3);
        assertThat(clock.sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void givesUpWithARateLimitExceptionWhenEgw00201Persists() {
        fake.always(PRICE, r -> json(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00201\",\"msg1\":\"초당\"}"));
        assertThatThrownBy(() -> client(KisEnvironment.REAL).currentPrice("005930"))
                .isInstanceOf(KisRateLimitException.class);
        assertThat(fake.count(PRICE)).isEqualTo(6);
    }

    @Test
    void reissuesTokenOnceWhenGatewaySaysExpiredAndRetriesTheCall() {
        fake.once("/oauth2/tokenP", r -> json(200, FakeTransport.TOKEN_BODY));
        fake.always("/oauth2/tokenP", r -> json(200, "{\"access_token\":\"eyJ.SECOND-TOKEN\",\"expires_in\":86400}"));
        fake.once(PRICE, r -> json(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00123\",\"msg1\":\"기간이 만료된 token 입니다.\"}"));
        fake.always(PRICE, r -> json(200, FakeTransport.OK));
        assertThat(client(KisEnvironment.REAL).currentPrice("005930").price()).isEqualTo(71900);
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(2);
        assertThat(fake.to(PRICE).get(1).headers().get("authorization")).isEqualTo("Bearer eyJ.SECOND-TOKEN");
        // The second issuance waited out the one-per-minute rule (and a second of slack) on the injected clock.
        assertThat(clock.sleeps).singleElement().satisfies(d -> assertThat(d).isEqualTo(Duration.ofSeconds(61)));
    }

    @Test
    void doesNotLoopWhenTheFreshTokenIsRejectedToo() {
        fake.always(PRICE, r -> json(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00121\",\"msg1\":\"유효하지 않은 token 입니다.\"}"));
        assertThatThrownBy(() -> client(KisEnvironment.REAL).currentPrice("005930"))
                .isInstanceOfSatisfying(KisApiException.class, e -> assertThat(e.msgCd()).isEqualTo("EGW00121"));
        assertThat(fake.count(PRICE)).isEqualTo(2);
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(2);
    }

    @Test
    void sendsOrdersWithUppercaseStringBodyAndItsHashkey() {
        fake.always(ORDER, r -> json(200, "{\"rt_cd\":\"0\",\"msg_cd\":\"APBK0013\",\"msg1\":\"주문 전송 완료 되었습니다.\","
                + "\"output\":{\"KRX_FWDG_ORD_ORGNO\":\"06010\",\"ODNO\":\"0001569157\",\"ORD_TMD\":\"091500\"}}"));
        OrderResult o = client(KisEnvironment.REAL).buy("005930", 3, 70000);
        assertThat(o).isEqualTo(new OrderResult("06010", "0001569157", "091500"));
        HttpTransport.Request r = fake.to(ORDER).get(0);
        assertThat(r.headers()).containsEntry("tr_id", "TTTC0012U").containsEntry("hashkey", "abc123hash");
        assertThat(Json.toStringMap(Json.parse(r.body()).orElseThrow())).containsExactly(
                Map.entry("CANO", "50012345"), Map.entry("ACNT_PRDT_CD", "01"), Map.entry("PDNO", "005930"),
                Map.entry("ORD_DVSN", "00"), Map.entry("ORD_QTY", "3"), Map.entry("ORD_UNPR", "70000"));
        assertThat(r.body()).doesNotContain(":3,").contains("\"ORD_QTY\":\"3\"");
        assertThat(fake.to("/uapi/hashkey").get(0).body()).isEqualTo(r.body());
    }

    @Test
    void choosesTheSellAndPaperTrIds() {
        fake.always(ORDER, r -> json(200, "{\"rt_cd\":\"0\",\"msg_cd\":\"40600000\",\"msg1\":\"ok\",\"output\":{\"ODNO\":\"1\"}}"));
        client(KisEnvironment.PAPER).sell("005930", 1, 70000);
        assertThat(fake.to(ORDER).get(0).headers()).containsEntry("tr_id", "VTTC0011U");
    }

    @Test
    void neverRetriesAnOrderThatMayHaveReachedTheServer() {
        fake.always(ORDER, r -> new HttpTransport.Reply(504, Map.of(), "gateway timeout"));
        assertThatThrownBy(() -> client(KisEnvironment.REAL).buy("005930", 1, 70000)).isInstanceOf(KisHttpException.class);
        fake.always(ORDER, r -> json(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00300\",\"msg1\":\"timeout\"}"));
        assertThatThrownBy(() -> client(KisEnvironment.REAL).buy("005930", 1, 70000)).isInstanceOf(KisApiException.class);
        assertThat(fake.count(ORDER)).isEqualTo(2);
    }

    @Test
    void refusesPaperUnsupportedApisBeforeAnyRequest() {
        KisClient c = client(KisEnvironment.PAPER);
        assertThatThrownBy(() -> c.sellable("005930"))
                .isInstanceOfSatisfying(KisUnsupportedInPaperException.class, e -> {
                    assertThat(e.apiName()).isEqualTo("inquire-psbl-sell");
                    assertThat(e.getMessage()).contains("inquire-psbl-sell").contains("paper");
                });
        assertThatThrownBy(() -> c.call("balance-sheet", Map.of("fid_input_iscd", "000660")))
                .isInstanceOf(KisUnsupportedInPaperException.class);
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void joinsTrContPagesCopyingTheContinuationKeys() {
        String path = "/uapi/domestic-stock/v1/trading/inquire-balance";
        String fk = String.format("%-100s", "50012345^01^P2");
        fake.once(path, r -> json(200, page("A", fk), "F"));
        fake.once(path, r -> json(200, page("B", fk), "M"));
        fake.always(path, r -> json(200, page("C", ""), "D"));
        Balance b = client(KisEnvironment.REAL).balance();
        assertThat(b.holdings()).extracting(Holding::code).containsExactly("A", "B", "C");
        assertThat(b.cashDeposit()).isEqualTo(1000);
        List<HttpTransport.Request> rs = fake.to(path);
        assertThat(rs).hasSize(3);
        assertThat(rs.get(0).headers()).doesNotContainKey("tr_cont");
        assertThat(query(rs.get(0))).containsEntry("CTX_AREA_FK100", "").containsEntry("CANO", "50012345");
        assertThat(rs.get(1).headers()).containsEntry("tr_cont", "N");
        assertThat(query(rs.get(1))).containsEntry("CTX_AREA_FK100", fk).containsEntry("CTX_AREA_NK100", fk);
    }

    private static String page(String code, String ctx) {
        return "{\"rt_cd\":\"0\",\"msg_cd\":\"KIOK0510\",\"msg1\":\"조회가 완료되었습니다\",\"ctx_area_fk100\":\"" + ctx
                + "\",\"ctx_area_nk100\":\"" + ctx + "\",\"output1\":[{\"pdno\":\"" + code + "\",\"hldg_qty\":\"1\"}],"
                + "\"output2\":[{\"dnca_tot_amt\":\"1000\"}]}";
    }

    @Test
    void pagesChartHistoryBackThroughHundredRowDateWindows() {
        String path = "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice";
        fake.always(path, r -> {
            Map<String, String> q = query(r);
            LocalDate from = LocalDate.parse(q.get("FID_INPUT_DATE_1"), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            LocalDate d = LocalDate.parse(q.get("FID_INPUT_DATE_2"), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            StringBuilder rows = new StringBuilder();
            int n = 0;
            while (n < 100 && !d.isBefore(from)) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    rows.append(n == 0 ? "" : ",").append("{\"stck_bsop_date\":\"").append(d.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE))
                            .append("\",\"stck_clpr\":\"100\",\"stck_oprc\":\"99\",\"stck_hgpr\":\"101\",\"stck_lwpr\":\"98\",\"acml_vol\":\"5\"}");
                    n++;
                }
                d = d.minusDays(1);
            }
            return json(200, "{\"rt_cd\":\"0\",\"msg_cd\":\"MCA00000\",\"msg1\":\"ok\",\"output1\":{\"stck_prpr\":\"100\"},\"output2\":[" + rows + "]}");
        });
        List<Bar> bars = client(KisEnvironment.REAL).dailyHistory("005930", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31));
        assertThat(bars).hasSizeGreaterThan(500);
        assertThat(bars.get(0).date()).isEqualTo(LocalDate.of(2023, 1, 2));
        assertThat(bars.get(bars.size() - 1).date()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(bars).extracting(Bar::date).doesNotHaveDuplicates().isSorted();
        assertThat(fake.count(path)).isEqualTo(6);
    }

    @Test
    void rejectsUnknownAndMissingParametersWithoutSending() {
        KisClient c = client(KisEnvironment.REAL);
        assertThatThrownBy(() -> c.call("inquire-price", Map.of("FID_INPUT_ISCD", "005930", "BOGUS", "1")))
                .isInstanceOf(KisInvalidRequestException.class).hasMessageContaining("BOGUS").hasMessageContaining("FID_INPUT_ISCD");
        assertThatThrownBy(() -> c.call("inquire-price", Map.of()))
                .isInstanceOf(KisInvalidRequestException.class).hasMessageContaining("FID_INPUT_ISCD");
        assertThatThrownBy(() -> c.call("tokenP", Map.of())).isInstanceOf(KisInvalidRequestException.class);
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void matchesParameterNamesCaseInsensitivelyAndSendsCompanionPairsOnlyWhenUsed() {
        String path = "/uapi/domestic-stock/v1/quotations/intstock-multprice";
        fake.always(path, r -> json(200, "{\"rt_cd\":\"0\",\"msg_cd\":\"MCA00000\",\"msg1\":\"ok\",\"output\":[{\"inter_shrn_iscd\":\"005930\"}]}"));
        client(KisEnvironment.REAL).call("intstock-multprice", Map.of("fid_input_iscd_1", "005930", "FID_INPUT_ISCD_2", "000660"));
        assertThat(query(fake.to(path).get(0))).containsExactly(Map.entry("FID_COND_MRKT_DIV_CODE_1", "J"),
                Map.entry("FID_INPUT_ISCD_1", "005930"), Map.entry("FID_COND_MRKT_DIV_CODE_2", "J"),
                Map.entry("FID_INPUT_ISCD_2", "000660"));
    }
}
