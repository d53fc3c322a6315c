package io.kisbridge.bridge.internal.fn;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.FnResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds tables from KIS rows (columns = the union of field names, in the order KIS sent them). */
public final class Tables {
    private Tables() {
    }

    public static FnResult.Table of(List<Map<String, String>> rows, String what) {
        if (rows.isEmpty()) {
            throw BridgeException.notAvailable("no rows from " + what);
        }
        Set<String> cols = new LinkedHashSet<>();
        rows.forEach(r -> cols.addAll(r.keySet()));
        List<String> columns = List.copyOf(cols);
        List<List<String>> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            out.add(columns.stream().map(c -> r.getOrDefault(c, "")).toList());
        }
        return new FnResult.Table(columns, out);
    }
}
