package io.kisbridge.libreoffice.internal;

import java.util.List;
import java.util.Map;

/** The bridge's JSON answers as what a Calc cell shows: a number, a text, or a matrix (header row first). */
public final class CellValues {
    public static final String WAITING = "#N/A waiting for the bridge";

    private CellValues() {
    }

    public static String notRunning(Object bridgeUrl) {
        return "#N/A bridge not running at " + bridgeUrl;
    }

    /** A scalar JSON value as a cell value: numbers as Double, everything else as text. */
    public static Object scalar(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return Json.write(v);
        }
        return v.toString();
    }

    /** One /v1/batch result: {"value":..}, {"columns":[..],"rows":[[..]]} or {"error":{"cell":..}}. */
    public static Object batchResult(Map<?, ?> r) {
        if (r.get("error") instanceof Map<?, ?> e) {
            Object cell = e.get("cell");
            return cell != null ? cell.toString() : "#N/A " + e.get("message");
        }
        if (r.containsKey("columns")) {
            return table((List<?>) r.get("columns"), (List<?>) r.get("rows"));
        }
        return scalar(r.get("value"));
    }

    /** A table as a matrix whose first row is the header (as the bridge's CSV and the Excel add-in show it). */
    public static Object[][] table(List<?> columns, List<?> rows) {
        int width = Math.max(1, columns.size());
        Object[][] m = new Object[1 + (rows == null ? 0 : rows.size())][width];
        for (int c = 0; c < width; c++) {
            m[0][c] = c < columns.size() ? String.valueOf(columns.get(c)) : "";
        }
        for (int r = 1; r < m.length; r++) {
            List<?> row = (List<?>) rows.get(r - 1);
            for (int c = 0; c < width; c++) {
                m[r][c] = c < row.size() ? scalar(row.get(c)) : "";
            }
        }
        return m;
    }

    /** A text as a 1x1 matrix, for matrix functions that have no table yet. */
    public static Object[][] single(Object v) {
        return new Object[][] {{v}};
    }
}
