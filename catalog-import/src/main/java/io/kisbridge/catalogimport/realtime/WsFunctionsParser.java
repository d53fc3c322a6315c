package io.kisbridge.catalogimport.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the subscribe functions out of one {@code examples_user/<group>/<group>_functions_ws.py} text without
 * running it. The file's shape: a comment banner {@code # [group] 실시간시세 > TITLE [실시간-NNN]}, then
 * {@code def name(...)}, one {@code tr_id = "..."} (or one per {@code env_dv == "real"/"demo"} branch) and a
 * {@code columns = [ "CODE", ...  # name ]} list. Anything it cannot find is an error naming the function.
 */
public final class WsFunctionsParser {
    private static final Pattern BANNER = Pattern.compile("^#\\s*\\[[^\\]]+\\]\\s*[^>]*>\\s*(.+?)\\s*$");
    private static final Pattern DOC_ID = Pattern.compile("\\[(실시간-\\d+)\\]\\s*$");
    private static final Pattern DEF = Pattern.compile("^def\\s+(\\w+)\\s*\\(");
    private static final Pattern TR_ID = Pattern.compile("^\\s*tr_id\\s*=\\s*[\"']([A-Z0-9]+)[\"']");
    private static final Pattern ENV_BRANCH = Pattern.compile("env_dv\\s*==\\s*[\"'](real|demo)[\"']");
    private static final Pattern COLUMNS_START = Pattern.compile("^\\s*columns\\s*=\\s*\\[(.*)$");
    private static final Pattern STRING = Pattern.compile("[\"']([A-Za-z0-9_]+)[\"']");

    private WsFunctionsParser() {
    }

    public static List<WsFunction> parse(String group, String text) {
        List<WsFunction> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        String title = null;
        String docId = null;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            Matcher banner = BANNER.matcher(line);
            if (banner.matches() && !line.startsWith("##")) {
                String t = banner.group(1);
                Matcher d = DOC_ID.matcher(t);
                docId = d.find() ? d.group(1) : null;
                title = DOC_ID.matcher(t).replaceFirst("").strip();
                i++;
                continue;
            }
            Matcher def = DEF.matcher(line);
            if (def.find()) {
                int end = nextTopLevel(lines, i + 1);
                out.add(function(group, def.group(1), title, docId, lines, i + 1, end));
                title = null;
                docId = null;
                i = end;
                continue;
            }
            i++;
        }
        return out;
    }

    /** The index of the next line that starts a new top-level block (a def or a banner), or the end. */
    private static int nextTopLevel(String[] lines, int from) {
        for (int k = from; k < lines.length; k++) {
            if (DEF.matcher(lines[k]).find() || lines[k].startsWith("####")) {
                return k;
            }
        }
        return lines.length;
    }

    private static WsFunction function(String group, String name, String title, String docId, String[] lines,
            int from, int to) {
        String real = null;
        String paper = null;
        String single = null;
        String branch = null;
        List<WsFunction.Column> columns = null;
        for (int k = from; k < to; k++) {
            String line = lines[k];
            Matcher env = ENV_BRANCH.matcher(line);
            if (env.find()) {
                branch = env.group(1);
                continue;
            }
            Matcher tr = TR_ID.matcher(line);
            if (tr.find()) {
                if ("real".equals(branch)) {
                    real = tr.group(1);
                } else if ("demo".equals(branch)) {
                    paper = tr.group(1);
                } else if (single == null) {
                    single = tr.group(1);
                }
                continue;
            }
            Matcher start = COLUMNS_START.matcher(line);
            if (start.find() && columns == null) {
                columns = new ArrayList<>();
                k = readColumns(lines, k, start.group(1), to, columns, name);
            }
        }
        if (real == null) {
            real = single;
        }
        if (real == null) {
            throw new IllegalArgumentException(group + "/" + name + ": no tr_id assignment");
        }
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException(group + "/" + name + " (" + real + "): no columns list");
        }
        if (title == null) {
            throw new IllegalArgumentException(group + "/" + name + " (" + real + "): no section banner above the def");
        }
        return new WsFunction(group, name, title, docId, real, paper, columns);
    }

    /** Reads string literals (each with an optional trailing {@code # name}) up to the closing bracket. */
    private static int readColumns(String[] lines, int k, String rest, int to, List<WsFunction.Column> columns,
            String name) {
        String line = rest;
        while (true) {
            String code = line;
            String comment = null;
            int hash = line.indexOf('#');
            if (hash >= 0) {
                code = line.substring(0, hash);
                comment = line.substring(hash + 1).strip();
            }
            int close = code.indexOf(']');
            String body = close >= 0 ? code.substring(0, close) : code;
            Matcher m = STRING.matcher(body);
            List<String> found = new ArrayList<>();
            while (m.find()) {
                found.add(m.group(1));
            }
            for (String c : found) {
                // A trailing comment names the column only when the line holds exactly one.
                columns.add(new WsFunction.Column(c, found.size() == 1 && comment != null && !comment.isEmpty() ? comment : null));
            }
            if (close >= 0) {
                return k;
            }
            k++;
            if (k >= to) {
                throw new IllegalArgumentException(name + ": columns list is not closed");
            }
            line = lines[k];
        }
    }
}
