package io.kisbridge.simulator.rest;

import io.kisbridge.simulator.market.Fmt;
import io.kisbridge.simulator.market.Stock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer of an API the simulator has no hand-written handler for: {@code rt_cd 0} with every output field the
 * imported facts declare, each with a value of its type (prices from the market for the requested stock, today's date
 * and time, signs, rates, codes). Plausible, not a model of the API: where an API needs consistent market data it
 * gets a hand-written handler. A block read as one object is an object; otherwise a list of three rows.
 */
final class GenericAnswers {
    static final int ROWS = 3;
    private static final List<String> CODE_PARAMS = List.of("FID_INPUT_ISCD", "PDNO", "FID_INPUT_ISCD_1");
    private static final List<String> PRICE_PARTS = List.of("prpr", "clpr", "oprc", "hgpr", "lwpr", "pric", "_prc", "askp",
            "bidp", "mxpr", "llam", "sdpr", "unpr", "nav");

    private GenericAnswers() {
    }

    static ApiResponse answer(CatalogRoutes.Facts facts, ApiRequest req) {
        Stock stock = stock(req);
        long price = req.market().lastPrice(stock.code());
        Object[] blocks = new Object[facts.blocks().size() * 2];
        int i = 0;
        for (CatalogRoutes.Block b : facts.blocks()) {
            blocks[i++] = b.name();
            if (b.oneRow()) {
                blocks[i++] = row(b, 0, stock, price, req);
            } else {
                List<Map<String, String>> rows = new ArrayList<>();
                for (int r = 0; r < ROWS; r++) rows.add(row(b, r, stock, price, req));
                blocks[i++] = rows;
            }
        }
        return facts.post() ? ApiResponse.ok("APBK0013", "주문 전송 완료 되었습니다.", blocks)
                : ApiResponse.quote(blocks).withTrCont(req.trCont().isEmpty() ? "" : "D");
    }

    /**
     * A hand-written handler's answer with every field the facts declare: the handler's values stay, a field it does
     * not give gets a value of its type, a block it does not give is added. Refusals pass unchanged.
     */
    @SuppressWarnings("unchecked")
    static ApiResponse complete(CatalogRoutes.Facts facts, ApiRequest req, ApiResponse answer) {
        if (facts == null || answer.status() != 200 || !"0".equals(answer.body().get("rt_cd"))) return answer;
        Stock stock = stock(req);
        long price = req.market().lastPrice(stock.code());
        Map<String, Object> body = new LinkedHashMap<>(answer.body());
        for (CatalogRoutes.Block b : facts.blocks()) {
            Object given = body.get(b.name());
            if (given instanceof Map<?, ?> m) {
                body.put(b.name(), filled((Map<String, Object>) m, b, 0, stock, price, req));
            } else if (given instanceof List<?> l) {
                List<Object> rows = new ArrayList<>();
                for (int r = 0; r < l.size(); r++) {
                    rows.add(l.get(r) instanceof Map<?, ?> m ? filled((Map<String, Object>) m, b, r, stock, price, req) : l.get(r));
                }
                body.put(b.name(), rows);
            } else if (given == null) {
                body.put(b.name(), b.oneRow() ? row(b, 0, stock, price, req) : List.of(row(b, 0, stock, price, req)));
            }
        }
        return new ApiResponse(answer.status(), body, answer.trCont());
    }

    private static Map<String, Object> filled(Map<String, Object> given, CatalogRoutes.Block b, int r, Stock stock, long price,
                                              ApiRequest req) {
        Map<String, Object> out = new LinkedHashMap<>(given);
        for (CatalogRoutes.Field f : b.fields()) out.putIfAbsent(f.code(), value(f, r, stock, price, req));
        return out;
    }

    private static Map<String, String> row(CatalogRoutes.Block b, int r, Stock stock, long price, ApiRequest req) {
        Map<String, String> row = new LinkedHashMap<>();
        for (CatalogRoutes.Field f : b.fields()) row.put(f.code(), value(f, r, stock, price, req));
        return row;
    }

    private static String value(CatalogRoutes.Field f, int r, Stock stock, long price, ApiRequest req) {
        String c = f.code().toLowerCase(Locale.ROOT);
        return switch (f.type()) {
            case "date" -> Fmt.date(req.market().tradeDate().minusDays(r));
            case "time" -> Fmt.time(req.market().now());
            case "sign" -> "2";
            case "rate" -> Fmt.dec2(1.25 + r);
            case "decimal" -> Fmt.dec2(12.5 + r);
            case "code" -> c.endsWith("_yn") ? "N" : "0";
            case "integer" -> PRICE_PARTS.stream().anyMatch(c::contains) ? Long.toString(price)
                    : c.contains("vol") || c.contains("qty") ? Long.toString(1000L * (r + 1))
                    : c.contains("vrss") ? Long.toString(price / 100) : Long.toString(100L * (r + 1));
            default -> c.endsWith("iscd") || c.equals("pdno") ? stock.code()
                    : c.contains("isnm") || c.contains("name") ? stock.name() : c.contains("rank") ? Integer.toString(r + 1) : "SIM";
        };
    }

    /** The stock the request names, or the first of the universe (index, market-wide and account APIs). */
    private static Stock stock(ApiRequest req) {
        for (String p : CODE_PARAMS) {
            String code = req.param(p);
            if (!code.isEmpty() && req.market().isKnownCode(code)) return req.market().universe().stock(code).orElseThrow();
        }
        return req.market().universe().stocks().get(0);
    }
}
