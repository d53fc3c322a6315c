package io.kisbridge.bridge.internal.fn;

import static io.kisbridge.bridge.FnArg.Type.BOOL;
import static io.kisbridge.bridge.FnArg.Type.CODE;
import static io.kisbridge.bridge.FnArg.Type.CODES;
import static io.kisbridge.bridge.FnArg.Type.DATE;
import static io.kisbridge.bridge.FnArg.Type.FIELD;
import static io.kisbridge.bridge.FnArg.Type.FIELDS;
import static io.kisbridge.bridge.FnArg.Type.NUMBER;
import static io.kisbridge.bridge.FnArg.Type.PARAMS;
import static io.kisbridge.bridge.FnArg.Type.STRING;
import static io.kisbridge.bridge.FnArg.Type.TIME;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.CellFunction;
import io.kisbridge.bridge.CellFunction.Shape;
import io.kisbridge.bridge.FnArg;
import io.kisbridge.bridge.FnResult;
import io.kisbridge.bridge.internal.cache.PriceService;
import io.kisbridge.core.ApiParam;
import io.kisbridge.core.ApiResult;
import io.kisbridge.core.ApiSpec;
import io.kisbridge.core.Bar;
import io.kisbridge.core.BarPeriod;
import io.kisbridge.core.Catalog;
import io.kisbridge.core.Execution;
import io.kisbridge.core.Holding;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.MinuteBar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The KIS.* functions. Each names the catalog API it calls; descriptions, argument help and defaults of the
 * catalog-backed ones come from the catalog entry ({@link Catalog}), so the function list, functions.json and the
 * catalog cannot drift apart.
 */
public final class Functions {
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Map<String, String> STATEMENTS = new LinkedHashMap<>();
    private static final Map<String, String> RANKINGS = Map.of("after-hour", "after-hour-balance",
            "after-hour-balance", "after-hour-balance", "quote-balance", "quote-balance", "book", "quote-balance");
    private static final Map<String, String> CASH_FIELDS = Map.of("deposit", "dnca_tot_amt", "d1", "nxdy_excc_amt",
            "d2", "prvs_rcdl_excc_amt", "securities", "scts_evlu_amt", "total", "tot_evlu_amt",
            "purchase", "pchs_amt_smtl_amt", "evaluation", "evlu_amt_smtl_amt", "pl", "evlu_pfls_smtl_amt",
            "net_assets", "nass_amt");
    private static final Map<String, String> BUYABLE_FIELDS = Map.of("qty", "max_buy_qty", "amount", "max_buy_amt",
            "cash", "ord_psbl_cash", "qty_margin", "nrcvb_buy_qty", "amount_margin", "nrcvb_buy_amt");
    private static final Map<String, String> SELLABLE_FIELDS = Map.of("qty", "ord_psbl_qty", "held", "cblc_qty");

    static {
        for (String s : List.of("balance-sheet", "income-statement", "financial-ratio", "profit-ratio",
                "other-major-ratios", "stability-ratio", "growth-ratio")) {
            STATEMENTS.put(s, s);
        }
        STATEMENTS.put("bs", "balance-sheet");
        STATEMENTS.put("is", "income-statement");
        STATEMENTS.put("ratio", "financial-ratio");
        STATEMENTS.put("profit", "profit-ratio");
        STATEMENTS.put("other", "other-major-ratios");
        STATEMENTS.put("stability", "stability-ratio");
        STATEMENTS.put("growth", "growth-ratio");
    }

    private final KisClient client;
    private final PriceService prices;
    private final List<CellFunction> all = new ArrayList<>();

    private Functions(KisClient client, PriceService prices) {
        this.client = client;
        this.prices = prices;
    }

    public static List<CellFunction> build(KisClient client, PriceService prices) {
        Functions f = new Functions(client, prices);
        f.define();
        return List.copyOf(f.all);
    }

    private void define() {
        // ---- point ----------------------------------------------------------------------------------------------
        add("PRICE", "Current price of a stock (stck_prpr)", Shape.SCALAR, "inquire-price",
                a -> FnResult.scalar(prices.price(a.get("code"))),
                code("inquire-price", "FID_INPUT_ISCD"));
        add("QUOTE", "One current-price field by friendly name (price, change, change_pct, per, high52 ...) or KIS code",
                Shape.SCALAR, "inquire-price", a -> {
                    Map<String, String> row = prices.quote(a.get("code"));
                    return FnResult.scalar(QuoteFields.pick(QuoteFields.resolve(a.get("field"), row), row,
                            "inquire-price"));
                },
                code("inquire-price", "FID_INPUT_ISCD"),
                FnArg.optional("field", FIELD, "price", "friendly name or KIS field code", "Fld"));
        add("QUOTES", "A table of current-price fields: one row per code, one column per field", Shape.TABLE,
                "inquire-price", this::quotes,
                FnArg.required("codes", CODES, "stock codes separated by commas (or a range in the add-in)"),
                FnArg.optional("fields", FIELDS, "price,change,change_pct,volume", "fields separated by commas", "Fld"));
        // ---- history --------------------------------------------------------------------------------------------
        add("HISTORY", "Daily/weekly/monthly/yearly bars between two dates, oldest first (any length)", Shape.TABLE,
                "inquire-daily-itemchartprice", this::history,
                code("inquire-daily-itemchartprice", "FID_INPUT_ISCD"),
                FnArg.required("from", DATE, "from date YYYYMMDD"),
                FnArg.optional("to", DATE, null, "to date YYYYMMDD (default today)"),
                FnArg.optional("period", STRING, "D", "D day, W week, M month, Y year", "Per"),
                FnArg.optional("adjusted", BOOL, "TRUE", "adjusted prices (TRUE) or original (FALSE)", "Adj"));
        add("MINUTES", "Today's one-minute bars up to a time, oldest first", Shape.TABLE,
                "inquire-time-itemchartprice", this::minutes,
                code("inquire-time-itemchartprice", "FID_INPUT_ISCD"),
                FnArg.optional("to", TIME, "153000", "bars at and before this time HHMMSS", "Time"));
        // ---- account --------------------------------------------------------------------------------------------
        add("BALANCE", "Holdings: one row per stock", Shape.TABLE, "inquire-balance", a -> balance());
        add("CASH", "One account summary amount: deposit, d1, d2, securities, total, purchase, evaluation, pl,"
                        + " net_assets (or a KIS output2 field)", Shape.SCALAR, "inquire-balance",
                a -> {
                    List<Map<String, String>> s = client.call("inquire-balance", Map.of()).rowsOf("output2");
                    if (s.isEmpty()) {
                        throw BridgeException.notAvailable("KIS returned no account summary");
                    }
                    return FnResult.scalar(QuoteFields.pick(alias(CASH_FIELDS, a.get("field")), s.get(0),
                            "inquire-balance output2"));
                },
                FnArg.optional("field", FIELD, "deposit", "which amount", "Fld"));
        add("EXECUTIONS", "Orders and fills between two dates", Shape.TABLE, "inquire-daily-ccld", this::executions,
                FnArg.optional("from", DATE, null, "from date YYYYMMDD (default today)"),
                FnArg.optional("to", DATE, null, "to date YYYYMMDD (default today)"));
        add("BUYABLE", "How much can be bought: qty, amount, cash (or a KIS field)", Shape.SCALAR,
                "inquire-psbl-order", a -> {
                    Map<String, String> p = Map.of("PDNO", a.get("code"),
                            "ORD_UNPR", "0".equals(a.get("price")) ? "" : a.get("price"));
                    return pickFirst("inquire-psbl-order", p, alias(BUYABLE_FIELDS, a.get("field")));
                },
                code("inquire-psbl-order", "PDNO"),
                FnArg.optional("price", NUMBER, "0", "limit price; 0 = market"),
                FnArg.optional("field", FIELD, "qty", "qty, amount, cash", "Fld"));
        add("SELLABLE", "Quantity that can be sold now (real trading only)", Shape.SCALAR, "inquire-psbl-sell",
                a -> pickFirst("inquire-psbl-sell", Map.of("PDNO", a.get("code")), alias(SELLABLE_FIELDS, a.get("field"))),
                code("inquire-psbl-sell", "PDNO"),
                FnArg.optional("field", FIELD, "qty", "qty or held", "Fld"));
        catalogFn("MARGIN", "intgr-margin", Map.of());
        // ---- lists ------------------------------------------------------------------------------------------------
        catalogFn("CONDITIONS", "psearch-title", Map.of());
        catalogFn("CONDITION", "psearch-result", Map.of("seq", "seq"));
        catalogFn("WATCHGROUPS", "intstock-grouplist", Map.of());
        catalogFn("WATCHLIST", "intstock-stocklist-by-group", Map.of("group", "INTER_GRP_CODE"));
        catalogFn("INFO", "search-stock-info", Map.of("code", "PDNO"));
        catalogFn("HOLIDAY", "chk-holiday", Map.of("date", "BASS_DT"));
        catalogFn("OPINION", "invest-opinion", Map.of("code", "FID_INPUT_ISCD", "from", "FID_INPUT_DATE_1",
                "to", "FID_INPUT_DATE_2"));
        catalogFn("FLOW", "foreign-institution-total", Map.of("market", "FID_INPUT_ISCD"));
        catalogFn("VOLUME", "inquire-daily-trade-volume", Map.of("code", "FID_INPUT_ISCD", "from", "FID_INPUT_DATE_1",
                "to", "FID_INPUT_DATE_2"));
        add("RANK", "A ranking table: after-hour (after-hours balance) or quote-balance (order-book balance)",
                Shape.TABLE, "after-hour-balance", a -> {
                    String api = RANKINGS.get(a.get("kind").toLowerCase(Locale.ROOT));
                    if (api == null) {
                        throw BridgeException.badInput("RANK: kind must be one of " + RANKINGS.keySet());
                    }
                    return Tables.of(client.call(api, Map.of("fid_input_iscd", a.get("market"))).rows(), api);
                },
                FnArg.optional("kind", STRING, "after-hour", "after-hour or quote-balance"),
                FnArg.optional("market", STRING, "0000", "0000 all, 0001 KOSPI, 1001 KOSDAQ, 2001 KOSPI200"));
        add("FIN", "Financial statement line of a stock: statement bs, is, ratio, profit, other, stability, growth",
                Shape.SCALAR, "balance-sheet", this::fin,
                code("balance-sheet", "fid_input_iscd"),
                FnArg.required("statement", STRING, "bs, is, ratio, profit, other, stability, growth"),
                FnArg.optional("field", FIELD, null, "KIS field (empty = the whole table)", "Fld"),
                FnArg.optional("period", STRING, "Y", "Y annual or Q quarterly", "Per"));
        add("CALL", "Any catalog API by name with parameters 'K=V;K2=V2'; optional field picks one value",
                Shape.TABLE, null, this::call,
                FnArg.required("api", STRING, "catalog API name, e.g. inquire-price"),
                FnArg.optional("params", PARAMS, "", "parameters K=V;K2=V2 (KIS names, case-insensitive)"),
                FnArg.optional("field", FIELD, null, "pick one field of the first row", "Fld"));
    }

    private void add(String name, String description, Shape shape, String api, CellFunction.Invoker inv, FnArg... args) {
        all.add(new CellFunction(name, description, List.of(args), shape, api, inv));
    }

    /** A code argument whose help comes from the catalog parameter. */
    private static FnArg code(String api, String param) {
        ApiParam p = Catalog.get(api).param(param).orElseThrow();
        return FnArg.required("code", CODE, p.description() + " (e.g. " + p.example() + ")");
    }

    /**
     * A function straight from a catalog entry: the mapped arguments (help and defaults from the catalog), then an
     * optional field; without a field it answers the rows block as a table.
     */
    private void catalogFn(String name, String api, Map<String, String> argToParam) {
        ApiSpec spec = Catalog.get(api);
        List<FnArg> args = new ArrayList<>();
        List<Map.Entry<String, String>> mapping = new ArrayList<>(argToParam.entrySet());
        mapping.sort(Map.Entry.comparingByValue(java.util.Comparator.comparingInt(
                p -> spec.params().indexOf(spec.param(p).orElseThrow()))));
        for (Map.Entry<String, String> m : mapping) {
            ApiParam p = spec.param(m.getValue()).orElseThrow(() -> new IllegalStateException(api + " " + m));
            FnArg.Type type = m.getKey().equals("code") ? CODE
                    : m.getKey().equals("from") || m.getKey().equals("to") || m.getKey().equals("date") ? DATE : STRING;
            String help = p.description() + (p.example() == null ? "" : " (e.g. " + p.example() + ")");
            boolean optional = p.defaultValue() != null;
            args.add(new FnArg(m.getKey(), type, optional, optional && !p.defaultValue().isEmpty()
                    ? p.defaultValue() : null, help, List.of()));
        }
        args.add(FnArg.optional("field", FIELD, null, "pick one field of the first row (empty = the table)", "Fld"));
        add(name, spec.description(), Shape.TABLE, api, a -> {
            Map<String, String> params = new LinkedHashMap<>();
            mapping.forEach(m -> {
                if (a.containsKey(m.getKey())) {
                    params.put(m.getValue(), a.get(m.getKey()));
                }
            });
            ApiResult r = client.call(spec, params);
            return a.containsKey("field") ? FnResult.scalar(field(r, a.get("field"))) : Tables.of(r.rows(), api);
        }, args.toArray(FnArg[]::new));
    }

    private FnResult quotes(Map<String, String> a) {
        List<String> codes = ArgBinder.splitList(a.get("codes"));
        List<String> fields = ArgBinder.splitList(a.get("fields"));
        List<String> columns = new ArrayList<>();
        columns.add("code");
        columns.addAll(fields);
        List<List<String>> rows = new ArrayList<>();
        for (String code : codes) {
            List<String> row = new ArrayList<>();
            row.add(code);
            Map<String, String> q = prices.quote(code);
            for (String f : fields) {
                row.add(QuoteFields.pick(QuoteFields.resolve(f, q), q, "inquire-price"));
            }
            rows.add(row);
        }
        return new FnResult.Table(columns, rows);
    }

    private FnResult history(Map<String, String> a) {
        LocalDate from = LocalDate.parse(a.get("from"), YMD);
        LocalDate to = a.containsKey("to") ? LocalDate.parse(a.get("to"), YMD) : today();
        if (from.isAfter(to)) {
            throw BridgeException.badInput("HISTORY: from " + a.get("from") + " is after to " + to.format(YMD));
        }
        BarPeriod period = switch (a.get("period").toUpperCase(Locale.ROOT)) {
            case "D", "DAY", "DAILY" -> BarPeriod.DAY;
            case "W", "WEEK", "WEEKLY" -> BarPeriod.WEEK;
            case "M", "MONTH", "MONTHLY" -> BarPeriod.MONTH;
            case "Y", "YEAR", "YEARLY" -> BarPeriod.YEAR;
            default -> throw BridgeException.badInput("HISTORY: period must be D, W, M or Y; got '" + a.get("period") + "'");
        };
        List<Bar> bars = client.periodHistory(a.get("code"), from, to, period, Boolean.parseBoolean(a.get("adjusted")));
        if (bars.isEmpty()) {
            throw BridgeException.notAvailable("no bars for " + a.get("code") + " between " + from + " and " + to);
        }
        List<List<String>> rows = bars.stream().map(b -> List.of(b.date().toString(), s(b.open()), s(b.high()),
                s(b.low()), s(b.close()), s(b.volume()), s(b.tradingValue()))).toList();
        return new FnResult.Table(List.of("date", "open", "high", "low", "close", "volume", "value"), rows);
    }

    private FnResult minutes(Map<String, String> a) {
        LocalTime upTo = LocalTime.parse(a.get("to"), DateTimeFormatter.ofPattern("HHmmss"));
        List<MinuteBar> bars = client.minuteBars(a.get("code"), upTo);
        if (bars.isEmpty()) {
            throw BridgeException.notAvailable("no minute bars for " + a.get("code") + " today");
        }
        List<List<String>> rows = bars.stream().map(b -> List.of(b.time().toString().replace('T', ' '),
                s(b.open()), s(b.high()), s(b.low()), s(b.close()), s(b.volume()))).toList();
        return new FnResult.Table(List.of("time", "open", "high", "low", "close", "volume"), rows);
    }

    private FnResult balance() {
        List<Holding> hs = client.balance().holdings();
        if (hs.isEmpty()) {
            throw BridgeException.notAvailable("the account holds no stocks");
        }
        List<List<String>> rows = hs.stream().map(h -> List.of(h.code(), h.name(), s(h.quantity()),
                s(h.orderableQuantity()), h.averagePrice().toPlainString(), s(h.purchaseAmount()), s(h.currentPrice()),
                s(h.evaluationAmount()), s(h.profitLoss()), h.profitLossRate().toPlainString())).toList();
        return new FnResult.Table(List.of("code", "name", "qty", "orderable", "avg_price", "purchase_amount", "price",
                "value", "pl", "pl_pct"), rows);
    }

    private FnResult executions(Map<String, String> a) {
        LocalDate from = a.containsKey("from") ? LocalDate.parse(a.get("from"), YMD) : today();
        LocalDate to = a.containsKey("to") ? LocalDate.parse(a.get("to"), YMD) : today();
        List<Execution> xs = client.dailyExecutions(from, to);
        if (xs.isEmpty()) {
            throw BridgeException.notAvailable("no orders between " + from + " and " + to);
        }
        List<List<String>> rows = xs.stream().map(x -> List.of(String.valueOf(x.orderDate()), x.branch(), x.orderNumber(),
                x.originalOrderNumber(), String.valueOf(x.side()).toLowerCase(Locale.ROOT), x.code(), x.name(),
                x.orderTypeCode(), s(x.orderQuantity()), s(x.orderPrice()), String.valueOf(x.orderTime()), s(x.filledQuantity()),
                x.averageFillPrice().toPlainString(), s(x.filledAmount()), s(x.remainingQuantity()),
                String.valueOf(x.cancelled()))).toList();
        return new FnResult.Table(List.of("date", "branch", "order_no", "orig_order_no", "side", "code", "name", "type",
                "qty", "price", "time", "filled_qty", "avg_fill_price", "filled_amount", "remaining", "cancelled"), rows);
    }

    private FnResult fin(Map<String, String> a) {
        String api = STATEMENTS.get(a.get("statement").toLowerCase(Locale.ROOT));
        if (api == null) {
            throw BridgeException.badInput("FIN: statement must be one of " + STATEMENTS.keySet());
        }
        String div = switch (a.get("period").toUpperCase(Locale.ROOT)) {
            case "Y", "A", "0" -> "0";
            case "Q", "1" -> "1";
            default -> throw BridgeException.badInput("FIN: period must be Y or Q; got '" + a.get("period") + "'");
        };
        ApiResult r = client.call(api, Map.of("fid_input_iscd", a.get("code"), "FID_DIV_CLS_CODE", div));
        return a.containsKey("field") ? FnResult.scalar(field(r, a.get("field"))) : Tables.of(r.rows(), api);
    }

    private FnResult call(Map<String, String> a) {
        ApiSpec spec = Catalog.get(a.get("api"));
        if (spec.kind() == ApiSpec.Kind.ORDER || spec.kind() == ApiSpec.Kind.AUTH) {
            throw BridgeException.badInput("CALL cannot run " + spec.name() + ": cell functions only read"
                    + " (orders go through POST /v1/orders)");
        }
        Map<String, String> params = parseParams(a.getOrDefault("params", ""));
        ApiResult r = client.call(spec, params);
        return a.containsKey("field") ? FnResult.scalar(field(r, a.get("field"))) : Tables.of(r.rows(), spec.name());
    }

    /** "K=V;K2=V2" or "K=V&K2=V2" (the URL form) into a map. */
    public static Map<String, String> parseParams(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split("[;&]")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw BridgeException.badInput("parameters must look like NAME=VALUE;NAME2=VALUE2; got '" + part + "'");
            }
            out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return out;
    }

    /** A field from the first row of the rows block, else of any other block (e.g. a summary in output1). */
    private static String field(ApiResult r, String field) {
        List<String> blocks = new ArrayList<>(r.outputs().keySet());
        if (blocks.remove(r.rowsBlock())) {
            blocks.add(0, r.rowsBlock());
        }
        for (String block : blocks) {
            List<Map<String, String>> rows = r.rowsOf(block);
            if (!rows.isEmpty()) {
                java.util.Optional<String> v = QuoteFields.find(field, rows.get(0));
                if (v.isPresent()) {
                    return v.get();
                }
            }
        }
        List<Map<String, String>> rows = r.rows();
        return QuoteFields.pick(field, rows.isEmpty() ? Map.of() : rows.get(0), r.apiName());
    }

    private FnResult pickFirst(String api, Map<String, String> params, String field) {
        ApiResult r = client.call(api, params);
        return FnResult.scalar(field(r, field));
    }

    private static String alias(Map<String, String> aliases, String field) {
        return aliases.getOrDefault(field.toLowerCase(Locale.ROOT), field);
    }

    private LocalDate today() {
        return LocalDate.now(client.config().clock().withZone(KisClient.KST));
    }

    private static String s(long v) {
        return Long.toString(v);
    }
}
