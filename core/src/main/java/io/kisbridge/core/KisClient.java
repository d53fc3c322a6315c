package io.kisbridge.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisbridge.core.auth.AuthKeys;
import io.kisbridge.core.auth.TokenManager;
import io.kisbridge.core.internal.Json;
import io.kisbridge.core.internal.Mask;
import io.kisbridge.core.internal.Numbers;
import io.kisbridge.core.internal.Sleeper;
import io.kisbridge.core.rest.Gateway;
import io.kisbridge.core.rest.HttpTransport;
import io.kisbridge.core.rest.JdkHttpTransport;
import io.kisbridge.core.rest.RateLimiter;
import io.kisbridge.core.rest.RestExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The KIS REST client: {@link #call(String, Map)} runs any catalog API and returns its raw output; typed
 * facades cover what users need most. Thread-safe; share one instance. All clients of the same app key in the JVM
 * share one rate limiter.
 */
public final class KisClient implements AutoCloseable {
    /** KIS business time (dates and times in requests and answers). */
    public static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private final KisConfig config;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final TokenManager tokens;
    private final AuthKeys authKeys;
    private final RestExecutor executor;
    private final RateLimiter limiter;
    private final Gateway gateway;

    private KisClient(Builder b) {
        this.config = b.config;
        this.ownsTransport = b.transport == null;
        this.transport = b.transport != null ? b.transport : new JdkHttpTransport(Duration.ofSeconds(5));
        RateLimiter limiter = b.rateLimiter != null ? b.rateLimiter
                : RateLimiter.shared(Mask.keyId(config.appKey()), config.environment().id(), config.requestsPerSecond());
        this.limiter = limiter;
        this.gateway = new Gateway(config, transport, limiter, b.sleeper, b.timeout);
        this.tokens = new TokenManager(config, gateway, b.sleeper);
        this.authKeys = new AuthKeys(config, gateway);
        this.executor = new RestExecutor(gateway, tokens, authKeys);
    }

    public static KisClient create(KisConfig config) {
        return builder(config).build();
    }

    public static Builder builder(KisConfig config) {
        return new Builder(config);
    }

    public KisConfig config() {
        return config;
    }

    // ---- generic ------------------------------------------------------------------------------------------------

    /**
     * Runs a catalog API by name ({@code inquire-price}, {@code balance-sheet}, ...) with the caller's parameters
     * (names case-insensitive; omitted ones take the catalog defaults, account and HTS id come from the config).
     * Paged APIs return all pages joined.
     *
     * @throws KisUnsupportedInPaperException before any request when paper trading lacks the API
     * @throws KisInvalidRequestException     for an unknown API or parameter, or a missing required one
     */
    public ApiResult call(String apiName, Map<String, String> params) {
        return executor.execute(Catalog.get(apiName), params == null ? Map.of() : params);
    }

    public ApiResult call(ApiSpec spec, Map<String, String> params) {
        return executor.execute(spec, params == null ? Map.of() : params);
    }

    // ---- quotations -----------------------------------------------------------------------------------------------

    public CurrentPrice currentPrice(String code) {
        JsonNode o = call("inquire-price", Map.of("FID_INPUT_ISCD", code)).output("output");
        return new CurrentPrice(code, num(o, "stck_prpr"), num(o, "prdy_vrss"), Json.text(o, "prdy_vrss_sign"),
                Numbers.toDecimal(Json.text(o, "prdy_ctrt")), num(o, "stck_oprc"), num(o, "stck_hgpr"),
                num(o, "stck_lwpr"), num(o, "stck_mxpr"), num(o, "stck_llam"), num(o, "stck_sdpr"),
                num(o, "acml_vol"), num(o, "acml_tr_pbmn"), Numbers.toDecimal(Json.text(o, "per")),
                Numbers.toDecimal(Json.text(o, "pbr")), Numbers.toDecimal(Json.text(o, "eps")),
                Numbers.toDecimal(Json.text(o, "bps")), Json.toStringMap(o));
    }

    /** Bars between two dates, oldest first, across as many 100-row windows as needed. */
    public List<Bar> periodHistory(String code, LocalDate from, LocalDate to, BarPeriod period, boolean adjusted) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("FID_INPUT_ISCD", code);
        p.put("FID_INPUT_DATE_1", from.format(Numbers.DATE));
        p.put("FID_INPUT_DATE_2", to.format(Numbers.DATE));
        p.put("FID_PERIOD_DIV_CODE", period.code());
        p.put("FID_ORG_ADJ_PRC", adjusted ? "0" : "1");
        List<Bar> bars = new ArrayList<>();
        for (Map<String, String> r : call("inquire-daily-itemchartprice", p).rows()) {
            LocalDate d = Numbers.toDate(r.get("stck_bsop_date"));
            if (d != null) {
                bars.add(new Bar(d, l(r, "stck_oprc"), l(r, "stck_hgpr"), l(r, "stck_lwpr"), l(r, "stck_clpr"),
                        l(r, "acml_vol"), l(r, "acml_tr_pbmn")));
            }
        }
        bars.sort(Comparator.comparing(Bar::date));
        return bars;
    }

    public List<Bar> dailyHistory(String code, LocalDate from, LocalDate to) {
        return periodHistory(code, from, to, BarPeriod.DAY, true);
    }

    /** Today's one-minute bars at and before {@code upTo} (KST), oldest first, across 30-bar windows. */
    public List<MinuteBar> minuteBars(String code, LocalTime upTo) {
        Map<String, String> p = Map.of("FID_INPUT_ISCD", code, "FID_INPUT_HOUR_1", upTo.format(Numbers.TIME));
        List<MinuteBar> bars = new ArrayList<>();
        for (Map<String, String> r : call("inquire-time-itemchartprice", p).rows()) {
            LocalDate d = Numbers.toDate(r.get("stck_bsop_date"));
            LocalTime t = Numbers.toTime(r.get("stck_cntg_hour"));
            if (d != null && t != null) {
                bars.add(new MinuteBar(LocalDateTime.of(d, t), l(r, "stck_oprc"), l(r, "stck_hgpr"),
                        l(r, "stck_lwpr"), l(r, "stck_prpr"), l(r, "cntg_vol")));
            }
        }
        bars.sort(Comparator.comparing(MinuteBar::time));
        return bars;
    }

    // ---- account ----------------------------------------------------------------------------------------------

    /** Holdings (all pages) and the account summary. */
    public Balance balance() {
        ApiResult r = call("inquire-balance", Map.of());
        List<Holding> holdings = new ArrayList<>();
        for (Map<String, String> h : r.rows()) {
            holdings.add(new Holding(h.getOrDefault("pdno", ""), h.getOrDefault("prdt_name", ""), l(h, "hldg_qty"),
                    l(h, "ord_psbl_qty"), Numbers.toDecimal(h.get("pchs_avg_pric")), l(h, "pchs_amt"), l(h, "prpr"),
                    l(h, "evlu_amt"), l(h, "evlu_pfls_amt"), Numbers.toDecimal(h.get("evlu_pfls_rt"))));
        }
        List<Map<String, String>> summaries = r.rowsOf("output2");
        Map<String, String> s = summaries.isEmpty() ? Map.of() : summaries.get(0);
        return new Balance(holdings, l(s, "dnca_tot_amt"), l(s, "nxdy_excc_amt"), l(s, "prvs_rcdl_excc_amt"),
                l(s, "scts_evlu_amt"), l(s, "tot_evlu_amt"), l(s, "pchs_amt_smtl_amt"), l(s, "evlu_amt_smtl_amt"),
                l(s, "evlu_pfls_smtl_amt"));
    }

    /** Orders and fills between two dates (all pages); uses the older-than-3-months TR when {@code from} needs it. */
    public List<Execution> dailyExecutions(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(config.clock().withZone(KST));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("period", from.isBefore(today.minusMonths(3)) ? "older" : "recent");
        p.put("INQR_STRT_DT", from.format(Numbers.DATE));
        p.put("INQR_END_DT", to.format(Numbers.DATE));
        List<Execution> out = new ArrayList<>();
        for (Map<String, String> r : call("inquire-daily-ccld", p).rows()) {
            out.add(new Execution(Numbers.toDate(r.get("ord_dt")), r.getOrDefault("ord_gno_brno", ""),
                    r.getOrDefault("odno", ""), r.getOrDefault("orgn_odno", ""),
                    OrderSide.fromKisCode(r.get("sll_buy_dvsn_cd")), r.getOrDefault("pdno", ""),
                    r.getOrDefault("prdt_name", ""), r.getOrDefault("ord_dvsn_cd", ""), l(r, "ord_qty"),
                    l(r, "ord_unpr"), Numbers.toTime(r.get("ord_tmd")), l(r, "tot_ccld_qty"),
                    Numbers.toDecimal(r.get("avg_prvs")), l(r, "tot_ccld_amt"), l(r, "rmn_qty"),
                    "Y".equalsIgnoreCase(r.getOrDefault("cncl_yn", "").strip())));
        }
        return out;
    }

    /** How much cash there is and how many shares of {@code code} can be bought at {@code price} (0 = market). */
    public BuyableAmount buyable(String code, long price) {
        JsonNode o = call("inquire-psbl-order", Map.of("PDNO", code, "ORD_UNPR", price > 0 ? Long.toString(price) : ""))
                .output("output");
        return new BuyableAmount(num(o, "ord_psbl_cash"), num(o, "max_buy_amt"), num(o, "max_buy_qty"),
                num(o, "nrcvb_buy_amt"), num(o, "nrcvb_buy_qty"));
    }

    /** How many shares of {@code code} can be sold now (real trading only). */
    public SellableQuantity sellable(String code) {
        JsonNode o = call("inquire-psbl-sell", Map.of("PDNO", code)).output("output");
        return new SellableQuantity(Json.text(o, "pdno").isBlank() ? code : Json.text(o, "pdno"),
                Json.text(o, "prdt_name"), num(o, "cblc_qty"), num(o, "ord_psbl_qty"));
    }

    // ---- orders (never retried once they may have reached KIS) -------------------------------------------------

    public OrderResult buy(String code, long quantity, long limitPrice) {
        return placeOrder(OrderSide.BUY, code, quantity, OrderType.LIMIT, limitPrice);
    }

    public OrderResult sell(String code, long quantity, long limitPrice) {
        return placeOrder(OrderSide.SELL, code, quantity, OrderType.LIMIT, limitPrice);
    }

    /** A cash order (TTTC0012U buy / TTTC0011U sell; paper VTTC0012U / VTTC0011U). Price is ignored for price-less types. */
    public OrderResult placeOrder(OrderSide side, String code, long quantity, OrderType type, long price) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (quantity <= 0) {
            throw new KisInvalidRequestException("order quantity must be positive; got " + quantity);
        }
        if (type.hasPrice() && price <= 0) {
            throw new KisInvalidRequestException(type + " orders need a positive price");
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("side", side.selector());
        p.put("PDNO", code);
        p.put("ORD_DVSN", type.code());
        p.put("ORD_QTY", Long.toString(quantity));
        p.put("ORD_UNPR", type.hasPrice() ? Long.toString(price) : "0");
        return orderResult(call("order-cash", p));
    }

    /** Changes price/type of an open order; {@code quantity <= 0} means the whole remaining quantity. */
    public OrderResult modifyOrder(String branch, String orderNumber, OrderType type, long quantity, long newPrice) {
        return revise(branch, orderNumber, "01", type, quantity, type.hasPrice() ? newPrice : 0);
    }

    /** Cancels the whole remaining quantity of an open order. */
    public OrderResult cancelOrder(String branch, String orderNumber) {
        return revise(branch, orderNumber, "02", OrderType.LIMIT, 0, 0);
    }

    /** Cancels {@code quantity} shares of an open order. */
    public OrderResult cancelOrder(String branch, String orderNumber, long quantity) {
        return revise(branch, orderNumber, "02", OrderType.LIMIT, quantity, 0);
    }

    private OrderResult revise(String branch, String orderNumber, String kind, OrderType type, long quantity, long price) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("KRX_FWDG_ORD_ORGNO", branch);
        p.put("ORGN_ODNO", orderNumber);
        p.put("ORD_DVSN", type.code());
        p.put("RVSE_CNCL_DVSN_CD", kind);
        p.put("ORD_QTY", quantity > 0 ? Long.toString(quantity) : "0");
        p.put("ORD_UNPR", Long.toString(price));
        p.put("QTY_ALL_ORD_YN", quantity > 0 ? "N" : "Y");
        return orderResult(call("order-rvsecncl", p));
    }

    private static OrderResult orderResult(ApiResult r) {
        JsonNode o = r.output("output");
        return new OrderResult(Json.text(o, "KRX_FWDG_ORD_ORGNO"), Json.text(o, "ODNO"), Json.text(o, "ORD_TMD"));
    }

    // ---- auth -------------------------------------------------------------------------------------------------

    /** The WebSocket approval key (POST /oauth2/Approval), cached in memory. */
    public String approvalKey() {
        return authKeys.approvalKey();
    }

    /** Forgets the cached approval key so the next {@link #approvalKey()} asks KIS again. */
    public void forgetApprovalKey() {
        authKeys.forgetApprovalKey();
    }

    /** Revokes the access token (POST /oauth2/revokeP) and deletes the cache file. */
    public void revokeToken() {
        tokens.revoke();
    }

    /** The rate limiter this client's calls go through (shared by every client of the app key in the JVM). */
    public RateLimiter rateLimiter() {
        return limiter;
    }

    // ---- waits ------------------------------------------------------------------------------------------------

    /** A request unanswered this long counts as KIS not answering in {@link #currentWait()}. */
    public static final Duration NOT_ANSWERING_AFTER = Duration.ofSeconds(2);

    /**
     * Why calls are waiting right now, the most telling reason first: a call waiting out KIS's one-token-a-minute
     * rule, a request KIS has not answered for {@link #NOT_ANSWERING_AFTER} or more, calls queued behind the rate
     * limit. Empty when nothing waits for long (a caller that still gives up was just unlucky with a slow answer).
     */
    public Optional<KisWait> currentWait() {
        Optional<Duration> token = tokens.issuanceWait();
        if (token.isPresent()) {
            return Optional.of(KisWait.token(token.get()));
        }
        Optional<Duration> unanswered = gateway.oldestUnanswered();
        if (unanswered.isPresent() && unanswered.get().compareTo(NOT_ANSWERING_AFTER) >= 0) {
            return Optional.of(KisWait.notAnswering(unanswered.get()));
        }
        RateLimiter limiter = gateway.limiter();
        int queued = limiter.queued();
        if (queued > 0) {
            return Optional.of(KisWait.rateLimit(queued, config.requestsPerSecond(), limiter.estimatedQueueWait()));
        }
        return Optional.empty();
    }

    /** Where the access token is cached (for diagnostics; the file is readable only by the user). */
    public Path tokenCacheFile() {
        return tokens.cacheFile();
    }

    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "KisClient{" + config + "}";
    }

    private static long num(JsonNode o, String field) {
        return Numbers.toLong(Json.text(o, field));
    }

    private static long l(Map<String, String> row, String field) {
        return Numbers.toLong(row.get(field));
    }

    /** Options for tests and embedding; {@link #create(KisConfig)} uses the defaults. */
    public static final class Builder {
        private final KisConfig config;
        private HttpTransport transport;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RateLimiter rateLimiter;
        private Duration timeout = Duration.ofSeconds(15);

        private Builder(KisConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder transport(HttpTransport transport) {
            this.transport = transport;
            return this;
        }

        /** Waits for the token minute rule and EGW00201 backoff (tests: advance a manual clock instead). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** A private limiter instead of the JVM-wide one for this app key. */
        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = rateLimiter;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public KisClient build() {
            return new KisClient(this);
        }
    }
}
