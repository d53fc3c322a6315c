package io.kisbridge.bridge.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.FnResult;
import io.kisbridge.bridge.internal.ErrorMapping;
import java.util.List;
import java.util.Locale;

/** Renders function results as text, CSV, JSON or XML (for FILTERXML). */
public final class Render {
    public enum Format { TEXT, CSV, JSON, XML }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Render() {
    }

    /** The format asked for, or the default: text for values, CSV for tables. */
    public static Format format(String asked, FnResult result) {
        if (asked == null || asked.isBlank()) {
            return result instanceof FnResult.Table ? Format.CSV : Format.TEXT;
        }
        return parse(asked);
    }

    public static Format parse(String asked) {
        try {
            return Format.valueOf(asked.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BridgeException.badInput("format must be text, csv, json or xml; got '" + asked + "'");
        }
    }

    public static String contentType(Format f) {
        return switch (f) {
            case TEXT -> "text/plain; charset=utf-8";
            case CSV -> "text/csv; charset=utf-8";
            case JSON -> "application/json; charset=utf-8";
            case XML -> "application/xml; charset=utf-8";
        };
    }

    public static String body(FnResult r, Format f) {
        return switch (r) {
            case FnResult.Scalar s -> switch (f) {
                case TEXT -> s.value();
                case CSV -> "value\r\n" + csv(s.value()) + "\r\n";
                case JSON -> json(r).toString();
                case XML -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><result><value>" + xml(s.value())
                        + "</value></result>";
            };
            case FnResult.Table t -> switch (f) {
                case TEXT -> delimited(t, "\t", false);
                case CSV -> delimited(t, ",", true);
                case JSON -> json(r).toString();
                case XML -> xmlTable(t);
            };
        };
    }

    /** {"value": 71900} or {"columns": [...], "rows": [[...]]}; numeric strings become numbers (codes stay text). */
    public static ObjectNode json(FnResult r) {
        ObjectNode o = JSON.objectNode();
        switch (r) {
            case FnResult.Scalar s -> o.set("value", value(s.value()));
            case FnResult.Table t -> {
                ArrayNode cols = o.putArray("columns");
                t.columns().forEach(cols::add);
                ArrayNode rows = o.putArray("rows");
                for (List<String> row : t.rows()) {
                    ArrayNode a = rows.addArray();
                    row.forEach(v -> a.add(value(v)));
                }
            }
        }
        return o;
    }

    public static ObjectNode jsonError(ErrorMapping.Mapped m) {
        ObjectNode o = JSON.objectNode();
        ObjectNode e = o.putObject("error");
        e.put("kind", m.kind());
        e.put("cell", m.cellText());
        e.put("message", m.message());
        e.put("status", m.status());
        return o;
    }

    /** A KIS string as JSON: a number when it is one without leading zeros (codes, times stay text). */
    public static com.fasterxml.jackson.databind.JsonNode value(String v) {
        if (v == null) {
            return JSON.nullNode();
        }
        if (isPlainNumber(v)) {
            return v.contains(".") ? JSON.numberNode(new java.math.BigDecimal(v)) : JSON.numberNode(Long.parseLong(v));
        }
        return JSON.textNode(v);
    }

    /**
     * True for text that JSON should carry as a number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} (no leading zeros, so
     * codes such as 005930 stay text) and shorter than 18 characters. A hand-written scan: the streaming path asks
     * this for every field of every realtime record.
     */
    public static boolean isPlainNumber(String v) {
        int n = v.length();
        if (n == 0 || n >= 18) {
            return false;
        }
        int i = v.charAt(0) == '-' ? 1 : 0;
        if (i == n || !isDigit(v.charAt(i))) {
            return false;
        }
        if (v.charAt(i) == '0') {
            i++;
        } else {
            while (i < n && isDigit(v.charAt(i))) {
                i++;
            }
        }
        if (i == n) {
            return true;
        }
        if (v.charAt(i) != '.' || i + 1 == n) {
            return false;
        }
        for (i++; i < n; i++) {
            if (!isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String delimited(FnResult.Table t, String sep, boolean quote) {
        StringBuilder sb = new StringBuilder();
        line(sb, t.columns(), sep, quote);
        t.rows().forEach(r -> line(sb, r, sep, quote));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> values, String sep, boolean quote) {
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : sep).append(quote ? csv(values.get(i)) : values.get(i).replace('\t', ' '));
        }
        sb.append("\r\n");
    }

    static String csv(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String xmlTable(FnResult.Table t) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><table>");
        List<String> names = t.columns().stream().map(Render::xmlName).toList();
        for (List<String> row : t.rows()) {
            sb.append("<row>");
            for (int i = 0; i < names.size(); i++) {
                sb.append('<').append(names.get(i)).append('>').append(xml(row.get(i))).append("</")
                        .append(names.get(i)).append('>');
            }
            sb.append("</row>");
        }
        return sb.append("</table>").toString();
    }

    private static String xmlName(String column) {
        String n = column.replaceAll("[^A-Za-z0-9_.-]", "_");
        return n.isEmpty() || !Character.isLetter(n.charAt(0)) && n.charAt(0) != '_' ? "_" + n : n;
    }

    private static String xml(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
