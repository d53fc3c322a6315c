package io.kisbridge.libreoffice.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * STREAM, BOOK, FILLS and SCRIPT as the Excel add-in's streaming.js defines them: the same topics, field names,
 * fill columns and published-value shapes ({@code LiveFunctionsDriftTest} compares the tables with streaming.js).
 */
public final class LiveFunctions {
    /** STREAM's friendly field names → H0STCNT0 fields (streaming.js TRADE_FIELDS). */
    public static final Map<String, String> TRADE_FIELDS = ordered(
            "price", "stck_prpr", "change", "prdy_vrss", "change_pct", "prdy_ctrt", "volume", "acml_vol",
            "qty", "cntg_vol", "open", "stck_oprc", "high", "stck_hgpr", "low", "stck_lwpr", "time", "stck_cntg_hour",
            "value", "acml_tr_pbmn", "ask", "askp1", "bid", "bidp1");
    /** FILLS columns → H0STCNI0 fields (streaming.js FILL_COLUMNS). */
    public static final Map<String, String> FILL_COLUMNS = ordered(
            "time", "stck_cntg_hour", "code", "stck_shrn_iscd", "side", "seln_byov_cls", "qty", "cntg_qty",
            "price", "cntg_unpr", "order", "oder_no", "kind", "cntg_yn");
    public static final String NOT_PUBLISHED = "#N/A not published yet";

    private LiveFunctions() {
    }

    /** Opens the live cell of {@code fn}, or answers an error text for bad arguments. */
    public static Object open(LiveCells live, String fn, Object[] args) {
        List<String> texts = CalcArgs.texts(args);
        Diagnostics.log(() -> "live cell " + fn + texts + " from " + java.util.Arrays.deepToString(args));
        switch (fn) {
            case "STREAM": {
                String code = code(CalcArgs.text(args[0]));
                if (code.isEmpty()) {
                    return "#VALUE! a stock code is needed, e.g. 005930";
                }
                String f = tradeField(CalcArgs.text(args[1]));
                return live.cell(fn, texts, "trade:" + code, (data, prev) -> data.containsKey(f)
                        ? CellValues.scalar(data.get(f)) : null);
            }
            case "BOOK": {
                String code = code(CalcArgs.text(args[0]));
                String f = bookField(CalcArgs.text(args[1]), CalcArgs.text(args[2]));
                if (code.isEmpty() || f == null) {
                    return "#VALUE! level is 1-10 and side ask, bid, askqty or bidqty";
                }
                return live.cell(fn, texts, "book:" + code, (data, prev) -> data.containsKey(f)
                        ? CellValues.scalar(data.get(f)) : null);
            }
            case "FILLS":
                return live.cell(fn, texts, "fills", new Fills());
            case "SCRIPT": {
                String name = CalcArgs.text(args[0]);
                if (name == null) {
                    return CellValues.single("#VALUE! a published name is needed, e.g. momentum.top");
                }
                return live.cell(fn, texts, "script:" + name, new Published());
            }
            default:
                throw new IllegalArgumentException("not a live function: " + fn);
        }
    }

    static String code(String c) {
        String s = c == null ? "" : c.strip().replaceFirst("^[Aa]", "");
        if (s.matches("\\d+")) {
            return "0".repeat(Math.max(0, 6 - s.length())) + s;
        }
        return s.toUpperCase(Locale.ROOT);
    }

    static String tradeField(String f) {
        String k = f == null ? "price" : f.strip().toLowerCase(Locale.ROOT);
        return TRADE_FIELDS.getOrDefault(k, k);
    }

    static String bookField(String level, String side) {
        double n;
        try {
            n = level == null ? 1 : Double.parseDouble(level);
        } catch (NumberFormatException e) {
            return null;
        }
        String s = side == null ? "ask" : side.strip().toLowerCase(Locale.ROOT);
        if (!(n >= 1 && n <= 10)) {
            return null;
        }
        String prefix = Map.of("ask", "askp", "bid", "bidp", "askqty", "askp_rsqn", "bidqty", "bidp_rsqn").get(s);
        return prefix == null ? null : prefix + (int) Math.floor(n);
    }

    /** Today's fills, newest last, as a matrix under the FILLS header. */
    private static final class Fills implements LiveCells.LiveValue {
        private final List<Object[]> rows = new ArrayList<>();

        @Override
        public synchronized Object from(Map<?, ?> data, Object previous) {
            Object[] row = new Object[FILL_COLUMNS.size()];
            int i = 0;
            for (String field : FILL_COLUMNS.values()) {
                row[i++] = CellValues.scalar(data.get(field));
            }
            rows.add(row);
            return matrix();
        }

        private Object[][] matrix() {
            Object[][] m = new Object[rows.size() + 1][];
            m[0] = FILL_COLUMNS.keySet().toArray();
            for (int r = 0; r < rows.size(); r++) {
                m[r + 1] = rows.get(r);
            }
            return m;
        }

        @Override
        public synchronized Object initial() {
            return matrix();
        }

        @Override
        public Object status(String text) {
            return CellValues.single(text);
        }
    }

    /** A published value with the shapes of the bridge's SCRIPT function (streaming.js publishedMatrix). */
    private static final class Published implements LiveCells.LiveValue {
        @Override
        public Object from(Map<?, ?> data, Object previous) {
            return matrix(data.get("value"));
        }

        @Override
        public Object initial() {
            return CellValues.single(NOT_PUBLISHED);
        }

        @Override
        public Object status(String text) {
            return CellValues.single(text);
        }

        static Object[][] matrix(Object v) {
            if (v instanceof Map<?, ?> obj) {
                Object[][] m = new Object[2][obj.size()];
                int i = 0;
                for (Map.Entry<?, ?> e : obj.entrySet()) {
                    m[0][i] = String.valueOf(e.getKey());
                    m[1][i++] = cell(e.getValue());
                }
                return obj.isEmpty() ? CellValues.single("") : m;
            }
            if (v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof Map<?, ?>)) {
                LinkedHashSet<String> cols = new LinkedHashSet<>();
                list.forEach(row -> ((Map<?, ?>) row).keySet().forEach(k -> cols.add(String.valueOf(k))));
                Object[][] m = new Object[list.size() + 1][];
                m[0] = cols.toArray();
                for (int r = 0; r < list.size(); r++) {
                    Map<?, ?> row = (Map<?, ?>) list.get(r);
                    m[r + 1] = cols.stream().map(k -> row.containsKey(k) ? cell(row.get(k)) : "").toArray();
                }
                return m;
            }
            if (v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof List<?>)) {
                int width = ((List<?>) list.get(0)).size();
                Object[][] m = new Object[list.size()][width];
                for (int r = 0; r < list.size(); r++) {
                    List<?> row = (List<?>) list.get(r);
                    for (int c = 0; c < width; c++) {
                        m[r][c] = c < row.size() ? cell(row.get(c)) : "";
                    }
                }
                return width == 0 ? CellValues.single("") : m;
            }
            if (v instanceof List<?> list) {
                Object[][] m = new Object[list.size() + 1][1];
                m[0][0] = "value";
                for (int r = 0; r < list.size(); r++) {
                    m[r + 1][0] = cell(list.get(r));
                }
                return m;
            }
            return CellValues.single(cell(v));
        }

        private static Object cell(Object v) {
            return CellValues.scalar(v);
        }
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
