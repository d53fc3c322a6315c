package io.kisbridge.core.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kisbridge.core.AccountNumber;
import io.kisbridge.core.ApiParam;
import io.kisbridge.core.ApiResult;
import io.kisbridge.core.ApiSpec;
import io.kisbridge.core.KisApiException;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.KisInvalidRequestException;
import io.kisbridge.core.KisUnsupportedInPaperException;
import io.kisbridge.core.Paging;
import io.kisbridge.core.internal.Json;
import io.kisbridge.core.internal.Numbers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs any catalog entry: fills parameters (defaults, account, HTS id), picks the TR ID, sends the KIS headers,
 * renews the token once on EGW00123/EGW00121, and joins pages (tr_cont, date windows, time windows).
 */
public final class RestExecutor {
    static final int MAX_PAGES = 200;

    private final KisConfig config;
    private final Gateway gateway;
    private final TokenSource tokens;
    private final HashkeySource hashkeys;

    public RestExecutor(Gateway gateway, TokenSource tokens, HashkeySource hashkeys) {
        this.config = gateway.config();
        this.gateway = gateway;
        this.tokens = tokens;
        this.hashkeys = hashkeys;
    }

    public ApiResult execute(ApiSpec spec, Map<String, String> userParams) {
        if (spec.kind() == ApiSpec.Kind.AUTH) {
            throw new KisInvalidRequestException("'" + spec.name() + "' is handled by the client itself (tokens, "
                    + "approval key, hashkey); it cannot be called directly");
        }
        String selected = selectedVariant(spec, userParams);
        String trId = spec.trIds().get(selected).forEnvironment(config.environment());
        if (trId == null) {
            throw new KisUnsupportedInPaperException(spec.name());
        }
        Map<String, String> params = resolve(spec, userParams);
        return switch (spec.paging()) {
            case NONE -> single(spec, trId, params);
            case TR_CONT -> trCont(spec, trId, params);
            case DATE_WINDOW -> window(spec, trId, params, new DateWindow());
            case TIME_WINDOW -> window(spec, trId, params, new TimeWindow());
        };
    }

    // ---- parameters ---------------------------------------------------------------------------------------------

    private static String selectedVariant(ApiSpec spec, Map<String, String> userParams) {
        if (spec.trSelector() == null) {
            return "";
        }
        String v = userParams == null ? null : userParams.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(spec.trSelector())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        String value = v == null || v.isBlank() ? spec.param(spec.trSelector()).orElseThrow().defaultValue()
                : v.strip().toLowerCase(Locale.ROOT);
        if (!spec.trIds().containsKey(value)) {
            throw new KisInvalidRequestException(spec.name() + ": " + spec.trSelector() + " must be one of "
                    + spec.trIds().keySet() + "; got '" + v + "'");
        }
        return value;
    }

    /** The parameters to send, in catalog order, names as the catalog writes them. */
    Map<String, String> resolve(ApiSpec spec, Map<String, String> userParams) {
        Map<String, String> given = new LinkedHashMap<>();
        if (userParams != null) {
            for (Map.Entry<String, String> e : userParams.entrySet()) {
                ApiParam p = spec.param(e.getKey()).orElseThrow(() -> new KisInvalidRequestException(
                        spec.name() + " has no parameter '" + e.getKey() + "'; its parameters are "
                                + spec.userParams().stream().map(ApiParam::name).collect(Collectors.joining(", "))
                                + " (others are filled in)"));
                if (e.getValue() != null) {
                    given.put(p.name(), e.getValue());
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ApiParam p : spec.params()) {
            if (!p.sent()) {
                continue;
            }
            String value = given.get(p.name());
            if (value == null) {
                value = switch (p.role()) {
                    case ACCOUNT_NUMBER -> account(spec).cano();
                    case ACCOUNT_PRODUCT -> account(spec).productCode();
                    case HTS_ID -> config.requireHtsId(spec.name());
                    case CONTINUATION -> "";
                    default -> p.presentWith() != null
                            ? (given.containsKey(p.presentWith()) ? p.defaultValue() : null)
                            : p.defaultValue();
                };
            }
            if (value == null) {
                if (p.omitWhenEmpty()) {
                    continue;
                }
                if (p.required()) {
                    missing.add(p.name() + " (" + p.description() + ", e.g. " + p.example() + ")");
                    continue;
                }
                value = "";
            }
            out.put(p.name(), value);
        }
        if (!missing.isEmpty()) {
            throw new KisInvalidRequestException(spec.name() + " needs " + String.join("; ", missing));
        }
        return out;
    }

    private AccountNumber account(ApiSpec spec) {
        return config.requireAccount(spec.name());
    }

    // ---- one request ----------------------------------------------------------------------------------------------

    private Gateway.Answer request(ApiSpec spec, String trId, Map<String, String> params, String trCont) {
        String body = null;
        String pathAndQuery = spec.path();
        if (spec.isPost()) {
            body = Json.write(params); // UPPERCASE keys, string values, catalog order
        } else if (!params.isEmpty()) {
            pathAndQuery += "?" + params.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
        }
        String hashkey = spec.isOrder() ? hashkeys.hashkey(body) : null;
        String token = tokens.token();
        boolean renewed = false;
        while (true) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("content-type", "application/json; charset=utf-8");
            headers.put("authorization", "Bearer " + token);
            headers.put("appkey", config.appKey());
            headers.put("appsecret", config.appSecret());
            headers.put("tr_id", trId);
            headers.put("custtype", "P");
            if (trCont != null && !trCont.isEmpty()) {
                headers.put("tr_cont", trCont);
            }
            if (hashkey != null) {
                headers.put("hashkey", hashkey);
            }
            try {
                return gateway.exchange(spec.method(), pathAndQuery, headers, body, trId);
            } catch (KisApiException e) {
                // An expired/invalid-token answer comes from the gateway before the call is processed, so one
                // resend with a fresh token is safe even for an order.
                if (renewed || !ResponseMapper.isTokenRejected(e)) {
                    throw e;
                }
                renewed = true;
                token = tokens.renewAfterRejection(token);
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ApiResult single(ApiSpec spec, String trId, Map<String, String> params) {
        Gateway.Answer a = request(spec, trId, params, null);
        return result(spec, trId, a.body(), blocks(spec, a.body()), 1);
    }

    private static Map<String, JsonNode> blocks(ApiSpec spec, JsonNode body) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String b : spec.outputBlocks()) {
            JsonNode n = Json.field(body, b);
            if (n != null && !n.isNull()) {
                out.put(b, n);
            }
        }
        return out;
    }

    private static ApiResult result(ApiSpec spec, String trId, JsonNode last, Map<String, JsonNode> blocks, int pages) {
        return new ApiResult(spec.name(), trId, Json.text(last, "msg_cd").strip(), Json.text(last, "msg1").strip(),
                blocks, spec.rowsBlock(), pages);
    }

    // ---- tr_cont paging -------------------------------------------------------------------------------------------

    private ApiResult trCont(ApiSpec spec, String trId, Map<String, String> params) {
        List<ApiParam> ctx = spec.continuationParams();
        Map<String, String> p = new LinkedHashMap<>(params);
        Map<String, JsonNode> blocks = null;
        ArrayNode rows = Json.MAPPER.createArrayNode();
        String trCont = null;
        JsonNode last = null;
        int pages = 0;
        while (pages < MAX_PAGES) {
            Gateway.Answer a = request(spec, trId, p, trCont);
            pages++;
            last = a.body();
            if (blocks == null) {
                blocks = blocks(spec, last);
            }
            appendRows(rows, Json.field(last, spec.rowsBlock()));
            String more = a.trCont();
            if (!("F".equals(more) || "M".equals(more))) {
                break;
            }
            // Copy the keys back exactly as returned (space padding included).
            for (ApiParam c : ctx) {
                p.put(c.name(), Json.text(last, c.name().toLowerCase(Locale.ROOT)));
            }
            trCont = "N";
        }
        blocks.put(spec.rowsBlock(), rows);
        return result(spec, trId, last, blocks, pages);
    }

    private static void appendRows(ArrayNode rows, JsonNode block) {
        if (block == null || block.isNull()) {
            return;
        }
        if (block.isArray()) {
            block.forEach(rows::add);
        } else if (block.isObject() && !block.isEmpty()) {
            rows.add(block);
        }
    }

    // ---- date / time windows --------------------------------------------------------------------------------------

    /** How a windowed API moves its window back past the oldest row it got. */
    private interface Window {
        /** The parameter holding the window's newest end. */
        String endParam();

        /** Stable identity of a row (for de-duplication across windows). */
        String key(JsonNode row);

        /** The next end value, or null when the oldest row reached the start. */
        String nextEnd(String oldestKey, Map<String, String> params);
    }

    private static final class DateWindow implements Window {
        @Override
        public String endParam() {
            return "FID_INPUT_DATE_2";
        }

        @Override
        public String key(JsonNode row) {
            return Json.text(row, "stck_bsop_date").strip();
        }

        @Override
        public String nextEnd(String oldest, Map<String, String> params) {
            LocalDate o = Numbers.toDate(oldest);
            String from = params.get("FID_INPUT_DATE_1");
            LocalDate start = from == null || from.isBlank() ? LocalDate.MIN : Numbers.toDate(from);
            if (o == null || !o.isAfter(start)) {
                return null;
            }
            return o.minusDays(1).format(Numbers.DATE);
        }
    }

    private static final class TimeWindow implements Window {
        @Override
        public String endParam() {
            return "FID_INPUT_HOUR_1";
        }

        @Override
        public String key(JsonNode row) {
            return Json.text(row, "stck_bsop_date").strip() + Json.text(row, "stck_cntg_hour").strip();
        }

        @Override
        public String nextEnd(String oldest, Map<String, String> params) {
            if (oldest.length() < 14) {
                return null;
            }
            LocalTime t = Numbers.toTime(oldest.substring(8));
            if (t == null || t.isBefore(LocalTime.of(0, 1))) {
                return null;
            }
            return t.minusMinutes(1).format(Numbers.TIME);
        }
    }

    private ApiResult window(ApiSpec spec, String trId, Map<String, String> params, Window w) {
        Map<String, String> p = new LinkedHashMap<>(params);
        Map<String, JsonNode> blocks = null;
        ArrayNode rows = Json.MAPPER.createArrayNode();
        Set<String> seen = new HashSet<>();
        JsonNode last = null;
        int pages = 0;
        String from = p.get("FID_INPUT_DATE_1");
        while (pages < MAX_PAGES) {
            Gateway.Answer a = request(spec, trId, p, null);
            pages++;
            last = a.body();
            if (blocks == null) {
                blocks = blocks(spec, last);
            }
            JsonNode block = Json.field(last, spec.rowsBlock());
            int got = 0;
            String oldest = null;
            if (block != null && block.isArray()) {
                for (JsonNode row : block) {
                    String key = w.key(row);
                    if (key.isEmpty()) {
                        continue; // KIS pads empty windows with one all-empty row
                    }
                    got++;
                    if (oldest == null || key.compareTo(oldest) < 0) {
                        oldest = key;
                    }
                    boolean inRange = from == null || from.isBlank() || key.compareTo(from) >= 0;
                    if (inRange && seen.add(key)) {
                        rows.add(row);
                    }
                }
            }
            if (got < spec.pageSize() || oldest == null) {
                break;
            }
            String next = w.nextEnd(oldest, p);
            if (next == null || next.compareTo(p.get(w.endParam())) >= 0) {
                break;
            }
            p.put(w.endParam(), next);
        }
        blocks.put(spec.rowsBlock(), rows);
        return result(spec, trId, last, blocks, pages);
    }

    /** Visible for tests: the environment this executor sends to. */
    public KisEnvironment environment() {
        return config.environment();
    }
}
