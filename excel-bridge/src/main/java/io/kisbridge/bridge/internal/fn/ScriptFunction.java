package io.kisbridge.bridge.internal.fn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.CellFunction;
import io.kisbridge.bridge.FnArg;
import io.kisbridge.bridge.FnResult;
import io.kisbridge.bridge.ScriptBoard;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code SCRIPT(name)}: the latest value a script published with {@code cells.publish(name, value)}. A number, text
 * or boolean is one value; an object is a one-row table (its keys are the header); a list of objects is a table
 * (keys of all rows, in order of appearance); a list of lists is a table whose first row is the header; a list of
 * plain values is a one-column table {@code value}. Never cached: the board is the cache.
 */
public final class ScriptFunction {
    public static final String NAME = "SCRIPT";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScriptFunction() {
    }

    public static CellFunction create(ScriptBoard board) {
        return new CellFunction(NAME, "Latest value a script published with cells.publish(name, value)"
                + " (live in the add-in; a snapshot over WEBSERVICE)",
                List.of(FnArg.required("name", FnArg.Type.STRING, "the published name, e.g. momentum.top")),
                CellFunction.Shape.SCALAR, null, args -> result(board, args.get("name")));
    }

    static FnResult result(ScriptBoard board, String name) {
        ScriptBoard.checkName(name);
        ScriptBoard.Publication p = board.latest(name).orElseThrow(() -> BridgeException.notAvailable("'" + name
                + "' is not published yet (a script publishes it with cells.publish('" + name + "', value))"));
        return of(p.value());
    }

    /** A published value as a cell result (see the class comment). */
    public static FnResult of(Object value) {
        if (value instanceof Map<?, ?> m) {
            List<String> cols = m.keySet().stream().map(String::valueOf).toList();
            return new FnResult.Table(cols, List.of(cols.stream().map(c -> text(m.get(c))).toList()));
        }
        if (value instanceof List<?> list) {
            if (!list.isEmpty() && list.stream().allMatch(x -> x instanceof Map<?, ?>)) {
                Set<String> cols = new LinkedHashSet<>();
                list.forEach(x -> ((Map<?, ?>) x).keySet().forEach(k -> cols.add(String.valueOf(k))));
                List<List<String>> rows = new ArrayList<>();
                for (Object x : list) {
                    Map<?, ?> m = (Map<?, ?>) x;
                    rows.add(cols.stream().map(c -> text(m.get(c))).toList());
                }
                return new FnResult.Table(List.copyOf(cols), rows);
            }
            if (!list.isEmpty() && list.stream().allMatch(x -> x instanceof List<?>)) {
                List<String> header = ((List<?>) list.get(0)).stream().map(ScriptFunction::text).toList();
                List<List<String>> rows = new ArrayList<>();
                for (Object x : list.subList(1, list.size())) {
                    List<String> row = new ArrayList<>(((List<?>) x).stream().map(ScriptFunction::text).toList());
                    while (row.size() < header.size()) {
                        row.add("");
                    }
                    rows.add(row.subList(0, header.size()));
                }
                return new FnResult.Table(header, rows);
            }
            return new FnResult.Table(List.of("value"), list.stream().map(x -> List.of(text(x))).toList());
        }
        return new FnResult.Scalar(text(value));
    }

    /** Whole numbers without ".0", other numbers as written, nested values as JSON. */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "";
            }
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            try {
                return MAPPER.writeValueAsString(v);
            } catch (JsonProcessingException e) {
                return String.valueOf(v);
            }
        }
        return v.toString();
    }
}
