package io.kisbridge.simulator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.kisbridge.simulator.Counters;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.Faults;
import io.kisbridge.simulator.SimEnvironment;
import io.kisbridge.simulator.account.Account;
import io.kisbridge.simulator.auth.ApprovalKeys;
import io.kisbridge.simulator.auth.TokenStore;
import io.kisbridge.simulator.internal.RateLimiter;
import io.kisbridge.simulator.market.MarketEngine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST server of one environment: the auth endpoints, every route of {@link Routes}, and the fault API under
 * {@code /__sim}. Checks run in this order: app key, app secret, Bearer token, rate limit, method, custtype and
 * content-type, TR ID, parameters,
 * hashkey, account; then the route's handler answers.
 *
 * <p>Where the reference does not give KIS's exact code, the choice is ours: wrong TR ID for the path → 500
 * OPSQ0002 (없는 서비스 코드); real TR ID on the paper domain → 500 EGW2004; missing required parameter → 200
 * rt_cd "1" OPSQ2002 naming the field; POST body with lower-case keys or non-string values → 500 OPSQ9996 /
 * invalid JSON → 500 OPSQ9997 (approximations of KIS's "JSON PARSING ERROR" family); wrong account → 200 OPSQ2000.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Seoul"));

    private final SimEnvironment env;
    private final DemoCredentials credentials;
    private final Clock clock;
    private final TokenStore tokens;
    private final ApprovalKeys approvalKeys;
    private final RateLimiter limiter;
    private final int ratePerSecond;
    private final Counters counters;
    private final Faults faults;
    private final MarketEngine market;
    private final Account account;
    private final Routes routes;
    private final FaultApi faultApi;
    private Javalin app;

    public RestServer(SimEnvironment env, DemoCredentials credentials, Clock clock, TokenStore tokens,
                      ApprovalKeys approvalKeys, RateLimiter limiter, int ratePerSecond, Counters counters,
                      Faults faults, MarketEngine market, Account account, Routes routes, FaultApi faultApi) {
        this.env = env;
        this.credentials = credentials;
        this.clock = clock;
        this.tokens = tokens;
        this.approvalKeys = approvalKeys;
        this.limiter = limiter;
        this.ratePerSecond = ratePerSecond;
        this.counters = counters;
        this.faults = faults;
        this.market = market;
        this.account = account;
        this.routes = routes;
        this.faultApi = faultApi;
    }

    public void start(String host, int port) {
        app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
        app.post("/oauth2/tokenP", this::tokenP);
        app.post("/oauth2/Approval", this::approval);
        app.post("/oauth2/revokeP", this::revokeP);
        app.post("/uapi/hashkey", this::hashkey);
        for (Route r : routes.served()) {
            app.get(r.path(), ctx -> dispatch(ctx, r, false));
            app.post(r.path(), ctx -> dispatch(ctx, r, true));
        }
        faultApi.register(app);
        app.error(404, ctx -> {
            if (ctx.result() == null || !ctx.path().startsWith("/__sim")) {
                json(ctx, 404, ApiResponse.envelope("1", "OPSQ0002", "없는 서비스 코드 입니다"));
            }
        });
        app.start(host, port);
        LOG.info("KIS simulator {} REST listening on {}:{}", env, host, app.port());
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (app != null) app.stop();
    }

    // ------------------------------------------------------------------ auth endpoints

    private void tokenP(Context ctx) {
        delay();
        ObjectNode body = parseObject(ctx);
        if (body == null) {
            oauthError(ctx, "EGW00101", "유효하지 않은 요청입니다.");
            return;
        }
        if (!"client_credentials".equals(text(body, "grant_type"))) {
            oauthError(ctx, text(body, "grant_type") == null ? "EGW00115" : "EGW00116",
                    text(body, "grant_type") == null ? "grant_type은 필수입니다." : "지원하지 않는 grant_type입니다.");
            return;
        }
        String[] err = checkKeyPair(text(body, "appkey"), text(body, "appsecret"));
        if (err != null) {
            oauthError(ctx, err[0], err[1]);
            return;
        }
        TokenStore.Issue issue = tokens.issue(credentials.appKey());
        if (issue.tooFrequent()) {
            oauthError(ctx, "EGW00133", "접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)");
            return;
        }
        counters.recordTokenIssuance();
        TokenStore.Token t = issue.token();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", t.value());
        out.put("access_token_token_expired", EXPIRY.format(t.expiresAt()));
        out.put("token_type", "Bearer");
        out.put("expires_in", Math.max(0, Duration.between(clock.instant(), t.expiresAt()).getSeconds()));
        LOG.debug("{} token issued (expires {})", env, EXPIRY.format(t.expiresAt()));
        json(ctx, 200, out);
    }

    private void approval(Context ctx) {
        delay();
        ObjectNode body = parseObject(ctx);
        if (body == null) {
            oauthError(ctx, "EGW00101", "유효하지 않은 요청입니다.");
            return;
        }
        if (!"client_credentials".equals(text(body, "grant_type"))) {
            oauthError(ctx, "EGW00115", "grant_type은 필수입니다.");
            return;
        }
        // the approval request names the secret "secretkey" (reference §4.3)
        String[] err = checkKeyPair(text(body, "appkey"), text(body, "secretkey"));
        if (err != null) {
            oauthError(ctx, err[0], err[1]);
            return;
        }
        json(ctx, 200, Map.of("approval_key", approvalKeys.issue(env, credentials.appKey())));
    }

    private void revokeP(Context ctx) {
        delay();
        ObjectNode body = parseObject(ctx);
        if (body == null) {
            oauthError(ctx, "EGW00101", "유효하지 않은 요청입니다.");
            return;
        }
        String[] err = checkKeyPair(text(body, "appkey"), text(body, "appsecret"));
        if (err != null) {
            oauthError(ctx, err[0], err[1]);
            return;
        }
        if (!tokens.revoke(text(body, "token") == null ? "" : text(body, "token"), credentials.appKey())) {
            oauthError(ctx, "EGW00121", "유효하지 않은 token 입니다.");
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", 200);
        out.put("message", "접근토큰 폐기에 성공하였습니다");
        json(ctx, 200, out);
    }

    private void hashkey(Context ctx) {
        delay();
        ApiResponse refused = checkAppHeaders(ctx);
        if (refused != null) {
            write(ctx, refused, "");
            return;
        }
        ObjectNode body = parseObject(ctx);
        if (body == null) {
            write(ctx, ApiResponse.gateway("OPSQ9997", "JSON PARSING ERROR : invalid json format"), "");
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("BODY", body);
        out.put("HASH", hashOf(body));
        json(ctx, 200, out);
    }

    /** Hash algorithm undocumented (reference §4.4, unverified): SHA-256 hex of the compact JSON body. */
    static String hashOf(JsonNode body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(JSON.writeValueAsBytes(body)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ API dispatch

    private void dispatch(Context ctx, Route route, boolean post) {
        delay();
        String trId = ctx.header("tr_id");
        if (trId != null && !trId.isBlank()) {
            counters.recordCall(trId.trim());
        }
        ApiResponse refused = checkAppHeaders(ctx);
        if (refused == null) refused = checkBearer(ctx);
        if (refused == null) refused = checkRate();
        if (refused == null && post != route.post()) {
            refused = ApiResponse.gateway("EGW00101", "유효하지 않은 요청입니다.");
        }
        if (refused == null) refused = checkCusttypeAndContentType(ctx, post);
        if (refused == null) refused = checkTrId(route, trId);
        if (refused != null) {
            write(ctx, refused, trId);
            return;
        }
        String tr = trId.trim();
        Map<String, String> params = new LinkedHashMap<>();
        if (post) {
            ObjectNode body = parseObject(ctx);
            if (body == null) {
                write(ctx, ApiResponse.gateway("OPSQ9997", "JSON PARSING ERROR : invalid json format"), tr);
                return;
            }
            ApiResponse bad = readPostBody(body, params);
            if (bad == null) bad = checkHashkey(ctx, body);
            if (bad != null) {
                write(ctx, bad, tr);
                return;
            }
        } else {
            ctx.queryParamMap().forEach((k, v) -> params.put(k.toUpperCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
        }
        for (String name : route.required()) {
            if (!params.containsKey(name.toUpperCase(Locale.ROOT))) {
                write(ctx, ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_NAME " + name + " NOT FOUND"), tr);
                return;
            }
        }
        String unknown = firstUnknownParameter(route, params.keySet());
        if (unknown != null) {
            write(ctx, ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_NAME " + unknown + " NOT DEFINED"), tr);
            return;
        }
        ApiRequest req = new ApiRequest(env, route, tr, params, nz(ctx.header("tr_cont")), account, market);
        if (route.hasAccount()) {
            if (!credentials.cano().equals(req.param("CANO")) || !credentials.productCode().equals(req.param("ACNT_PRDT_CD"))) {
                write(ctx, ApiResponse.business("OPSQ2000", "ERROR : INPUT INVALID_CHECK_ACNO"), tr);
                return;
            }
        }
        if (route.post()) {
            counters.recordOrderReceived();
        }
        ApiResponse answer;
        try {
            answer = route.handler().handle(req);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", env, route.name(), e);
            answer = ApiResponse.gateway("EGW00002", "서버 에러가 발생했습니다.");
        }
        write(ctx, answer, tr);
    }

    /**
     * Stricter than KIS, which is believed to ignore parameters it does not know: a misspelt optional parameter would
     * otherwise pass every test while doing nothing against the real servers.
     */
    private static String firstUnknownParameter(Route route, java.util.Set<String> upperCaseNames) {
        for (String name : upperCaseNames) {
            boolean known = route.required().stream().anyMatch(r -> r.equalsIgnoreCase(name))
                    || route.optional().stream().anyMatch(o -> o.equalsIgnoreCase(name));
            if (!known) {
                return name;
            }
        }
        return null;
    }

    private ApiResponse checkAppHeaders(Context ctx) {
        String[] err = checkKeyPair(ctx.header("appkey"), ctx.header("appsecret"));
        return err == null ? null : ApiResponse.gateway(err[0], err[1]);
    }

    private String[] checkKeyPair(String appKey, String appSecret) {
        if (appKey == null || appKey.isEmpty()) return new String[] {"EGW00102", "AppKey는 필수입니다."};
        if (!credentials.appKey().equals(appKey)) return new String[] {"EGW00103", "유효하지 않은 AppKey입니다."};
        if (appSecret == null || appSecret.isEmpty()) return new String[] {"EGW00104", "AppSecret은 필수입니다."};
        if (!credentials.appSecret().equals(appSecret)) return new String[] {"EGW00105", "유효하지 않은 AppSecret입니다."};
        return null;
    }

    private ApiResponse checkBearer(Context ctx) {
        String auth = ctx.header("authorization");
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= 7) {
            return ApiResponse.gateway("EGW00205", "credentials_type이 유효하지 않습니다.(Bearer)");
        }
        return switch (tokens.check(auth.substring(7).trim(), credentials.appKey())) {
            case VALID -> null;
            case EXPIRED -> ApiResponse.gateway("EGW00123", "기간이 만료된 token 입니다.");
            case INVALID -> ApiResponse.gateway("EGW00121", "유효하지 않은 token 입니다.");
        };
    }

    private ApiResponse checkRate() {
        counters.recordWindowCall(env);
        if (faults.consumeRateLimitFault() || !limiter.tryAcquire(credentials.appKey(), ratePerSecond)) {
            counters.recordRateLimitRejection();
            return ApiResponse.gateway("EGW00201", "초당 거래건수를 초과하였습니다.");
        }
        return null;
    }

    /**
     * custtype is a required header (P individual, B corporate) → EGW00208 when missing or other; a POST body must be
     * sent as application/json → EGW00132. Both codes are KIS's (reference §3.5); refusing a missing header is our
     * strict reading of "required".
     */
    private static ApiResponse checkCusttypeAndContentType(Context ctx, boolean post) {
        String custtype = ctx.header("custtype");
        if (!"P".equals(custtype) && !"B".equals(custtype)) {
            return ApiResponse.gateway("EGW00208", "고객타입(custtype)이 유효하지 않습니다.");
        }
        String ct = ctx.header("content-type");
        if (post && (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            return ApiResponse.gateway("EGW00132", "Content-Type이 유효하지 않습니다.");
        }
        return null;
    }

    private ApiResponse checkTrId(Route route, String trId) {
        if (trId == null || trId.isBlank()) {
            return ApiResponse.gateway("OPSQ9999", "JSON PARSING ERROR : tr_id not found");
        }
        String tr = trId.trim();
        if (env == SimEnvironment.REAL) {
            return route.realTrIds().contains(tr) ? null : noSuchService();
        }
        if (!route.paperSupported()) {
            boolean meantThisApi = route.realTrIds().contains(tr)
                    || route.realTrIds().stream().anyMatch(r -> SimEnvironment.PAPER.paperTrId(r).equals(tr));
            // 90000000 was observed by two independent projects, not in official docs (unverified, reference §11)
            return meantThisApi ? ApiResponse.business("90000000", "모의투자에서는 해당업무가 제공되지 않습니다.") : noSuchService();
        }
        if (route.paperTrIds().contains(tr)) return null;
        if (route.realTrIds().contains(tr)) return ApiResponse.gateway("EGW2004", "모의투자 TR 이 아닙니다.");
        return noSuchService();
    }

    private static ApiResponse noSuchService() {
        return ApiResponse.gateway("OPSQ0002", "없는 서비스 코드 입니다");
    }

    /** KIS wants UPPER-CASE keys and string values in POST bodies (reference §3.1). */
    private static ApiResponse readPostBody(ObjectNode body, Map<String, String> params) {
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(e.getKey().toUpperCase(Locale.ROOT))) {
                return ApiResponse.gateway("OPSQ9996", "JSON PARSING ERROR : invalid field name(" + e.getKey() + ")");
            }
            if (!e.getValue().isTextual()) {
                return ApiResponse.gateway("OPSQ9996", "JSON PARSING ERROR : value must be a string(" + e.getKey() + ")");
            }
            params.put(e.getKey(), e.getValue().asText());
        }
        return null;
    }

    private static ApiResponse checkHashkey(Context ctx, ObjectNode body) {
        String h = ctx.header("hashkey");
        if (h == null || h.isEmpty() || h.equals(hashOf(body))) return null;
        return ApiResponse.gateway("EGW00131", "유효하지 않은 hashkey입니다.");
    }

    // ------------------------------------------------------------------ plumbing

    private void delay() {
        Duration d = faults.delay();
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ObjectNode parseObject(Context ctx) {
        try {
            JsonNode n = JSON.readTree(ctx.bodyAsBytes());
            return n instanceof ObjectNode o ? o : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String text(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }

    private static void oauthError(Context ctx, String code, String description) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error_description", description);
        out.put("error_code", code);
        json(ctx, 403, out);
    }

    private static void write(Context ctx, ApiResponse r, String trId) {
        ctx.header("tr_id", trId == null ? "" : trId.trim());
        ctx.header("tr_cont", r.trCont() == null ? "" : r.trCont());
        ctx.header("gt_uid", UUID.randomUUID().toString().replace("-", ""));
        json(ctx, r.status(), r.body());
    }

    static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status);
            ctx.contentType(CONTENT_TYPE);
            ctx.result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
