package io.kisbridge.scripting.internal;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.FnResult;
import io.kisbridge.bridge.OrderGate;
import io.kisbridge.bridge.workbook.SheetTables;
import io.kisbridge.core.ApiParam;
import io.kisbridge.core.ApiResult;
import io.kisbridge.core.ApiSpec;
import io.kisbridge.core.BarPeriod;
import io.kisbridge.core.Catalog;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.OrderSide;
import io.kisbridge.core.OrderType;
import io.kisbridge.core.realtime.DeliveryMode;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.core.realtime.Subscription;
import io.kisbridge.core.realtime.Topic;
import io.kisbridge.scripting.PublishedValues;
import io.kisbridge.scripting.TradingPolicy;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The only Java object a script can reach. Each method takes strings/numbers and answers JSON text, which the
 * language prelude turns into native values; a leading NUL marks an error the prelude raises as {@code KisError}.
 * Every method runs on the script's own thread.
 */
public final class HostApi {
    private static final char ERROR = '\0';
    private static final Set<String> NOTICE_SKIP = Set.of("customerId", "accountNumber", "accountName", "trId");
    private static final Pattern SAFE_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    /** What a run gives its host object. */
    public record Services(String runId, KisClient client, Supplier<RealtimeFeed> feed, TradingPolicy trading,
                           OrderGate orders, PublishedValues published, Path outputFolder, List<String> args,
                           ScheduledExecutorService scheduler) {
    }

    private volatile Services s;
    private volatile EventLoop loop;
    private final Map<String, AutoCloseable> handles = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private int ordersPlaced;

    /** A host object for a context prepared ahead of its run; {@link #bind} before the script runs. */
    public HostApi() {
    }

    /** Attaches the run's services and event loop (once, before the script's first statement). */
    public void bind(Services services, EventLoop loop) {
        this.s = services;
        this.loop = loop;
    }

    // ---- quotations and account --------------------------------------------------------------------------------

    @HostAccess.Export
    public String price(String code) {
        return answer(() -> s.client().currentPrice(code(code)).price());
    }

    @HostAccess.Export
    public String quote(String code) {
        return answer(() -> Plain.of(s.client().currentPrice(code(code)), Set.of()));
    }

    @HostAccess.Export
    public String history(String code, String from, String to, String period) {
        return answer(() -> {
            LocalDate end = to.isBlank() ? today() : date(to);
            LocalDate start = from.isBlank() ? end.minusMonths(3) : date(from);
            return Plain.of(s.client().periodHistory(code(code), start, end, period(period), true), Set.of());
        });
    }

    @HostAccess.Export
    public String minutes(String code, String upTo) {
        return answer(() -> {
            LocalTime t = upTo.isBlank() ? LocalTime.now(s.client().config().clock().withZone(KisClient.KST))
                    : LocalTime.parse(upTo.length() == 5 ? upTo + ":00" : upTo);
            return Plain.of(s.client().minuteBars(code(code), t), Set.of());
        });
    }

    @HostAccess.Export
    public String balance() {
        return answer(() -> Plain.of(s.client().balance(), Set.of()));
    }

    @HostAccess.Export
    public String cash() {
        return answer(() -> s.client().balance().cashDeposit());
    }

    @HostAccess.Export
    public String executions(String from, String to) {
        return answer(() -> {
            LocalDate end = to.isBlank() ? today() : date(to);
            LocalDate start = from.isBlank() ? end : date(from);
            return Plain.of(s.client().dailyExecutions(start, end), Set.of());
        });
    }

    @HostAccess.Export
    public String buyable(String code, double price) {
        return answer(() -> Plain.of(s.client().buyable(code(code), whole(price, "price")), Set.of()));
    }

    @HostAccess.Export
    public String sellable(String code) {
        return answer(() -> Plain.of(s.client().sellable(code(code)), Set.of()));
    }

    /** Any data API of the catalog; the answer holds every output block and the rows. */
    @HostAccess.Export
    public String call(String apiName, String paramsJson) {
        return answer(() -> {
            ApiSpec spec = Catalog.get(apiName);
            if (spec.isOrder() && s.orders() != null) {
                throw new IllegalStateException("order refused: " + spec.name() + " cannot be called from a bridge"
                        + " script; use kis.buy/kis.sell (they go through the bridge's arming and limits)");
            }
            if (spec.isOrder()) {
                checkOrderAllowed();
                ordersPlaced++;
            }
            Map<String, String> params = new LinkedHashMap<>();
            if (Plain.parse(paramsJson) instanceof Map<?, ?> m) {
                m.forEach((k, v) -> params.put(String.valueOf(k), v == null ? "" : plainText(v)));
            }
            ApiResult r = s.client().call(spec, params);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("api", r.apiName());
            out.put("trId", r.trId());
            out.put("msgCd", r.msgCd());
            out.put("msg", r.msg1());
            out.put("pages", r.pages());
            r.outputs().forEach((block, node) -> out.put(block, Plain.MAPPER.convertValue(node, Object.class)));
            out.put("rows", r.rows());
            return out;
        });
    }

    /**
     * The names of the catalog's data APIs, one a line: what the preludes build {@code kis.api} from (the whole
     * {@link #catalog()} as JSON cost every context a large parse before the script's first line).
     */
    @HostAccess.Export
    public String apiNames() {
        return API_NAMES;
    }

    private static final String API_NAMES = String.join("\n", Catalog.dataApis().stream().map(ApiSpec::name).toList());

    /** The catalog's data APIs: name, doc id, description, whether paper has it, user parameters. */
    @HostAccess.Export
    public String catalog() {
        return answer(() -> {
            List<Object> out = new ArrayList<>();
            for (ApiSpec spec : Catalog.dataApis()) {
                List<Object> params = new ArrayList<>();
                for (ApiParam p : spec.userParams()) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("name", p.name());
                    pm.put("required", p.required());
                    pm.put("default", p.defaultValue());
                    pm.put("description", p.description());
                    params.add(pm);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", spec.name());
                m.put("docId", spec.docId());
                m.put("description", spec.description());
                m.put("kind", spec.kind().name().toLowerCase(Locale.ROOT));
                m.put("paper", spec.availableInPaper());
                m.put("params", params);
                out.add(m);
            }
            return out;
        });
    }

    // ---- orders -----------------------------------------------------------------------------------------------

    /**
     * kis.buy/kis.sell. Hosted by the bridge, through its {@link OrderGate} (arming, limits, idempotency store: the
     * key given, or a fresh one, is recorded before anything is sent); otherwise under the runtime's policy.
     */
    @HostAccess.Export
    public String order(String side, String code, double quantity, double price, String key) {
        return answer(() -> {
            long qty = whole(quantity, "quantity");
            long px = whole(price, "price");
            OrderSide os = "sell".equalsIgnoreCase(side) ? OrderSide.SELL : OrderSide.BUY;
            if (s.orders() != null) {
                String k = key == null || key.isBlank() ? "script-" + java.util.UUID.randomUUID() : key.strip();
                try {
                    OrderGate.Placed placed = s.orders().place(k, os, code(code), qty, px);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.putAll(asMap(Plain.of(placed.result(), Set.of())));
                    out.put("idempotencyKey", k);
                    out.put("replayed", placed.replayed());
                    return out;
                } catch (BridgeException e) {
                    throw new IllegalStateException("order refused: " + e.getMessage());
                }
            }
            checkOrderAllowed();
            long valuedAt = px > 0 ? px : s.client().currentPrice(code(code)).price();
            if (qty * valuedAt > s.trading().maxOrderValue()) {
                throw new IllegalArgumentException("order refused: " + qty + " × " + valuedAt + " KRW is over the limit of "
                        + s.trading().maxOrderValue() + " KRW per order");
            }
            ordersPlaced++;
            return Plain.of(s.client().placeOrder(os, code(code), qty, px > 0 ? OrderType.LIMIT : OrderType.MARKET, px),
                    Set.of());
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object plain) {
        return plain instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("value", plain);
    }

    private void checkOrderAllowed() {
        if (!s.trading().armed()) {
            throw new IllegalStateException("order refused: trading is not armed (scripts may only place orders when "
                    + "the runtime is started with trading armed)");
        }
        if (ordersPlaced >= s.trading().maxOrdersPerRun()) {
            throw new IllegalStateException("order refused: this run already placed " + ordersPlaced
                    + " orders, the limit per run");
        }
    }

    // ---- realtime and timers ----------------------------------------------------------------------------------

    /**
     * Subscribes {@code fn} (called with the event's JSON) to a realtime topic: {@code on("trade", "005930")},
     * {@code on("trade", "005930@NX")}, {@code on("index", "0001")}, ... or {@code on("fills")}; the topic words
     * are core's ({@link Topic#parse} checks the key). Topics without a typed value pass the record's fields by name.
     * Every record is delivered, in order (a script counting volume must see each trade, also the records of one
     * multi-record frame), except books: latest-wins, since each is the whole book and a newer one makes an older moot.
     */
    @HostAccess.Export
    public String on(String kind, String code, Value fn) {
        return answer(() -> {
            requireFunction(fn);
            Topic topic = "fills".equalsIgnoreCase(kind.strip()) ? Topic.FILLS
                    : Topic.parse(kind.strip().toLowerCase(Locale.ROOT) + ":" + (code == null ? "" : code.strip()));
            DeliveryMode mode = topic.kind() == Topic.Kind.BOOK ? DeliveryMode.LATEST : DeliveryMode.ALL;
            Subscription sub = s.feed().get().subscribe(topic, mode, event -> {
                if (event instanceof RealtimeEvent.Data d) {
                    Object value = d.value() instanceof io.kisbridge.core.realtime.RealtimeRecord r ? r.toMap() : d.value();
                    String json = Plain.json(Plain.of(value, NOTICE_SKIP));
                    loop.post(() -> fn.execute(json));
                }
            });
            return register(nextId("sub"), () -> sub.close());
        });
    }

    @HostAccess.Export
    public String every(String interval, Value fn) {
        return answer(() -> {
            requireFunction(fn);
            long ms = Math.max(10, Durations.parse(interval).toMillis());
            String id = nextId("timer");
            // a tick already posted to the loop when the script cancels (a busy loop queues several) must not run
            ScheduledFuture<?> f = s.scheduler().scheduleAtFixedRate(() -> loop.post(() -> {
                if (handles.containsKey(id)) {
                    fn.executeVoid();
                }
            }), ms, ms, TimeUnit.MILLISECONDS);
            return register(id, () -> f.cancel(false));
        });
    }

    @HostAccess.Export
    public String after(String delay, Value fn) {
        return answer(() -> {
            requireFunction(fn);
            Duration d = Durations.parse(delay);
            String id = nextId("timer");
            ScheduledFuture<?> f = s.scheduler().schedule(() -> loop.post(() -> {
                if (handles.containsKey(id)) {
                    cancel(id);
                    fn.executeVoid();
                }
            }), d.toMillis(), TimeUnit.MILLISECONDS);
            return register(id, () -> f.cancel(false));
        });
    }

    /** Ends a subscription or timer; unknown ids are ignored. */
    @HostAccess.Export
    public void cancel(String id) {
        AutoCloseable h = handles.remove(id);
        if (h != null) {
            closeQuietly(h);
            loop.release();
        }
    }

    /** Ends the run normally once the current code returns. */
    @HostAccess.Export
    public void stop() {
        loop.stop();
    }

    // ---- cells, files, args -----------------------------------------------------------------------------------

    @HostAccess.Export
    public String publish(String name, String valueJson) {
        return answer(() -> {
            s.published().publish(name, Plain.parse(valueJson), s.runId());
            return null;
        });
    }

    /**
     * Writes rows (arrays, or objects whose keys of the first row become the header) as CSV into the allowed
     * output folder; the name must be a plain file name ending in .csv.
     */
    @HostAccess.Export
    public String writeCsv(String name, String rowsJson) {
        return answer(() -> {
            if (s.outputFolder() == null) {
                throw new IllegalStateException("files.writeCsv refused: no output folder is allowed for this runtime");
            }
            if (!SAFE_FILE.matcher(name).matches() || !name.toLowerCase(Locale.ROOT).endsWith(".csv")
                    || name.contains("..")) {
                throw new IllegalArgumentException("files.writeCsv refused: '" + name
                        + "' is not a plain file name ending in .csv (no folders)");
            }
            if (!(Plain.parse(rowsJson) instanceof List<?> rows)) {
                throw new IllegalArgumentException("files.writeCsv needs an array of rows");
            }
            Path target = s.outputFolder().resolve(name);
            Files.createDirectories(s.outputFolder());
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                List<String> header = null;
                for (Object row : rows) {
                    List<Object> cells = new ArrayList<>();
                    if (row instanceof Map<?, ?> m) {
                        if (header == null) {
                            header = m.keySet().stream().map(String::valueOf).toList();
                            w.write(csvLine(new ArrayList<>(header)));
                        }
                        header.forEach(h -> cells.add(m.get(h)));
                    } else if (row instanceof List<?> l) {
                        cells.addAll(l);
                    } else {
                        cells.add(row);
                    }
                    w.write(csvLine(cells));
                }
            }
            return target.toString();
        });
    }

    /**
     * Writes {@code {sheet: rows}} as an .xlsx inside the output folder (sub-folders allowed, nothing outside it):
     * rows are objects (the keys of all rows, in order of appearance, are the header) or arrays (the first is the
     * header). Formatted like the exports: bold frozen header, number formats, ISO dates in a "date" column as dates.
     */
    @HostAccess.Export
    public String writeWorkbook(String name, String sheetsJson) {
        return answer(() -> {
            Path target = SafePaths.resolve(s.outputFolder(), name, Set.of(".xlsx"), "workbook.write");
            if (!(Plain.parse(sheetsJson) instanceof Map<?, ?> sheets) || sheets.isEmpty()) {
                throw new IllegalArgumentException("workbook.write needs {sheetName: rows, ...} with at least one sheet");
            }
            Map<String, FnResult.Table> tables = new LinkedHashMap<>();
            sheets.forEach((k, v) -> tables.put(String.valueOf(k), table(String.valueOf(k), v)));
            Files.createDirectories(target.getParent());
            SheetTables.write(tables, target);
            return s.outputFolder().relativize(target).toString();
        });
    }

    /** Reads a sheet (the first when none is named) of an .xlsx inside the output folder as objects keyed by its header row. */
    @HostAccess.Export
    public String readWorkbook(String name, String sheet) {
        return answer(() -> {
            Path source = SafePaths.resolve(s.outputFolder(), name, Set.of(".xlsx"), "workbook.read");
            if (!Files.isRegularFile(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("workbook.read: no file '" + name + "' in the output folder");
            }
            List<List<Object>> rows = SheetTables.read(source, sheet);
            List<Object> out = new ArrayList<>();
            if (rows.isEmpty()) {
                return out;
            }
            List<String> header = rows.get(0).stream().map(h -> h == null ? "" : cellText(h)).toList();
            for (List<Object> row : rows.subList(1, rows.size())) {
                if (row.stream().allMatch(v -> v == null || "".equals(v))) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    String key = header.get(c).isEmpty() ? "column" + (c + 1) : header.get(c);
                    m.put(key, c < row.size() ? number(row.get(c)) : null);
                }
                out.add(m);
            }
            return out;
        });
    }

    /** Whole numbers as integers; an empty text cell (what workbook.write makes of a missing value) as null. */
    private static Object number(Object v) {
        if ("".equals(v)) {
            return null;
        }
        return v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) d.longValue() : v;
    }

    private static String cellText(Object v) {
        Object n = number(v);
        return n == null ? "" : String.valueOf(n);
    }

    private static FnResult.Table table(String sheet, Object rows) {
        if (!(rows instanceof List<?> list)) {
            throw new IllegalArgumentException("workbook.write: sheet '" + sheet + "' needs an array of rows");
        }
        if (!list.isEmpty() && list.stream().allMatch(r -> r instanceof Map<?, ?>)) {
            java.util.LinkedHashSet<String> cols = new java.util.LinkedHashSet<>();
            list.forEach(r -> ((Map<?, ?>) r).keySet().forEach(k -> cols.add(String.valueOf(k))));
            List<List<String>> out = new ArrayList<>();
            for (Object r : list) {
                Map<?, ?> m = (Map<?, ?>) r;
                out.add(cols.stream().map(c -> cell(m.get(c))).toList());
            }
            return new FnResult.Table(List.copyOf(cols), out);
        }
        if (list.stream().allMatch(r -> r instanceof List<?>)) {
            if (list.isEmpty()) {
                return new FnResult.Table(List.of(), List.of());
            }
            List<String> header = ((List<?>) list.get(0)).stream().map(HostApi::cell).toList();
            List<List<String>> out = new ArrayList<>();
            for (Object r : list.subList(1, list.size())) {
                out.add(((List<?>) r).stream().map(HostApi::cell).toList());
            }
            return new FnResult.Table(header, out);
        }
        throw new IllegalArgumentException("workbook.write: the rows of sheet '" + sheet
                + "' must all be objects or all be arrays");
    }

    private static String cell(Object v) {
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return Plain.json(v);
        }
        return v == null ? "" : plainText(v);
    }

    @HostAccess.Export
    public String args() {
        return answer(() -> s.args());
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    /** Closes every subscription and timer of the run. */
    public void closeAll() {
        for (String id : List.copyOf(handles.keySet())) {
            AutoCloseable h = handles.remove(id);
            if (h != null) {
                closeQuietly(h);
            }
        }
    }

    private String nextId(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    private String register(String id, AutoCloseable handle) {
        handles.put(id, handle);
        loop.hold();
        return id;
    }

    private interface Body {
        Object get() throws Exception;
    }

    private static String answer(Body body) {
        try {
            return Plain.json(body.get());
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return ERROR + msg;
        }
    }

    private static String code(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[0-9A-Z]{6,7}")) {
            throw new IllegalArgumentException("a stock code is 6-7 letters/digits such as 005930; got '" + code + "'");
        }
        return c;
    }

    private LocalDate today() {
        return LocalDate.now(s.client().config().clock().withZone(KisClient.KST));
    }

    private static LocalDate date(String text) {
        String t = text.strip();
        try {
            return t.length() == 8 ? LocalDate.parse(t, BASIC) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a date looks like 2024-01-31 or 20240131; got '" + text + "'");
        }
    }

    private static BarPeriod period(String p) {
        return switch (p.strip().toUpperCase(Locale.ROOT)) {
            case "", "D", "DAY" -> BarPeriod.DAY;
            case "W", "WEEK" -> BarPeriod.WEEK;
            case "M", "MONTH" -> BarPeriod.MONTH;
            case "Y", "YEAR" -> BarPeriod.YEAR;
            default -> throw new IllegalArgumentException("period is D, W, M or Y; got '" + p + "'");
        };
    }

    private static long whole(double v, String what) {
        if (v < 0 || v != Math.rint(v) || v > 1e15) {
            throw new IllegalArgumentException(what + " must be a whole number ≥ 0; got " + v);
        }
        return (long) v;
    }

    private static String plainText(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    private static void requireFunction(Value fn) {
        if (fn == null || !fn.canExecute()) {
            throw new IllegalArgumentException("a callback function is needed");
        }
    }

    private static String csvLine(List<Object> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object c = cells.get(i);
            String t = c == null ? "" : plainText(c);
            if (t.indexOf(',') >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0) {
                t = '"' + t.replace("\"", "\"\"") + '"';
            }
            b.append(t);
        }
        return b.append('\n').toString();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // a subscription or timer that is already gone
        }
    }
}
