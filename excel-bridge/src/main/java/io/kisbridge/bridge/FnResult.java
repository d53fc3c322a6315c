package io.kisbridge.bridge;

import java.util.List;

/** What a cell function returns: one value, or a table with a header row. Values are KIS's strings. */
public sealed interface FnResult {
    record Scalar(String value) implements FnResult {
    }

    record Table(List<String> columns, List<List<String>> rows) implements FnResult {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    static Scalar scalar(Object value) {
        return new Scalar(value == null ? "" : value.toString());
    }
}
