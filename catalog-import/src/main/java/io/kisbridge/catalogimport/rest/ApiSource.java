package io.kisbridge.catalogimport.rest;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of one {@code examples_llm/<group>/<api>/<api>.py} file of the official samples, read from its text
 * line by line (the Python is parsed, never run): header, API_URL, TR IDs per environment and variant, the
 * signature's arguments, the request dict, POST or GET, the output blocks and whether it pages with tr_cont.
 */
record ApiSource(String id, String category, String menu, String title, String docId, String path, boolean post,
                 List<Tr> trIds, String variantArg, Map<String, Arg> args, List<Param> params, List<String> blocks,
                 Set<String> singleRowBlocks, boolean trCont) {

    /** A TR ID; variant null when there is one; paper null = not offered in paper trading. */
    record Tr(String variant, String real, String paper) {
    }

    /** A Python argument: default literal (null = none), label text from the docstring or comment. */
    record Arg(String name, String defaultValue, boolean hasDefault, String text, boolean requiredMessage) {
    }

    /** One request field as the sample sends it: from an argument, or a fixed literal; optional = added only when given. */
    record Param(String name, String arg, String literal, boolean optional) {
    }

    private static final Pattern HEADER = Pattern.compile("^#\\s*\\[([^\\]]+)\\]\\s*(.+?)\\s+(?:>|-)\\s+(.+?)\\s*$");
    private static final Pattern DOC_ID = Pattern.compile("\\[([^\\[\\]]*)\\]\\s*$");
    private static final Pattern DOC_ID_FORM = Pattern.compile("(?:v1_)?[가-힣A-Za-z]+-[0-9][0-9,]*");
    private static final Pattern DOC_ID_ANYWHERE = Pattern.compile("\\[((?:v1_)?[가-힣A-Za-z]+-\\d+)\\]");
    private static final Pattern API_URL = Pattern.compile("^API_URL\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern ARG = Pattern.compile(
            "^\\s*(\\w+)\\s*:\\s*[\\w\\[\\]., ]+?(?:\\s*=\\s*([^,#]+?))?\\s*,?\\s*(?:#\\s*(.*))?$");
    private static final Pattern DOC_ARG = Pattern.compile("^\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*:\\s*(.*)$");
    private static final Pattern COND = Pattern.compile("^(\\s*)(if|elif)\\s+(.+?)\\s*:\\s*$");
    private static final Pattern EQUALS = Pattern.compile("^(\\w+)\\s*==\\s*[\"'](\\w+)[\"']$");
    private static final Pattern ELSE = Pattern.compile("^(\\s*)else\\s*:\\s*$");
    private static final Pattern TR = Pattern.compile("^(\\s*)tr_id\\s*=\\s*[\"']([A-Z0-9]+)[\"']");
    private static final Pattern DICT_ENTRY = Pattern.compile("^\\s*[\"']([A-Za-z0-9_]+)[\"']\\s*:\\s*([^,#]+?)\\s*,?\\s*(?:#.*)?$");
    private static final Pattern ADDED = Pattern.compile("^\\s*params\\[[\"']([A-Za-z0-9_]+)[\"']\\]\\s*=\\s*([^#]+?)\\s*(?:#.*)?$");
    private static final Pattern BLOCK = Pattern.compile("getBody\\(\\)\\.(output\\d*)");
    /** {@code DataFrame([body.output])} or {@code DataFrame(body.output, index=[0])}: the block is one object, not rows. */
    private static final Pattern SINGLE = Pattern.compile(
            "DataFrame\\(\\s*(?:\\[\\s*res\\.getBody\\(\\)\\.(output\\d*)\\s*\\]|res\\.getBody\\(\\)\\.(output\\d*)\\s*,\\s*index)");
    private static final Pattern REQUIRED_MSG = Pattern.compile("(\\w+) is required");
    private static final String ENV_ARG = "env_dv";

    static ApiSource parse(String id, String text) {
        List<String> lines = text.lines().toList();
        String category = null, menu = null, title = null, docId = null, path = null;
        for (String l : lines) {
            Matcher h = HEADER.matcher(l);
            if (category == null && h.matches()) {
                category = h.group(1).strip();
                menu = h.group(2).strip();
                title = h.group(3).strip();
                Matcher d = DOC_ID.matcher(title);
                if (d.find()) {
                    if (DOC_ID_FORM.matcher(d.group(1).strip()).matches()) docId = d.group(1).strip();
                    title = title.substring(0, d.start()).strip();
                }
            }
            Matcher u = API_URL.matcher(l);
            if (path == null && u.find()) path = u.group(1);
        }
        if (path == null) throw new IllegalArgumentException(id + ": no API_URL");
        if (docId == null) {
            Matcher d = DOC_ID_ANYWHERE.matcher(text);
            if (d.find()) docId = d.group(1);
        }

        int def = indexOf(lines, "def " + id + "(", 0);
        if (def < 0) def = indexOf(lines, "def ", 0);
        Map<String, Arg> args = new LinkedHashMap<>();
        int i = def + 1;
        Map<String, String> comments = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        Set<String> hasDefault = new LinkedHashSet<>();
        boolean oneLine = lines.get(def).contains(")");
        for (; !oneLine && i < lines.size() && !lines.get(i).startsWith(")"); i++) {
            Matcher a = ARG.matcher(lines.get(i));
            if (!a.matches()) continue;
            String name = a.group(1);
            comments.put(name, a.group(3));
            if (a.group(2) != null) {
                hasDefault.add(name);
                defaults.put(name, literal(a.group(2).strip()));
            }
        }
        Map<String, String> docTexts = new LinkedHashMap<>();
        int argsAt = indexOf(lines, "Args:", i);
        if (argsAt >= 0) {
            for (int j = argsAt + 1; j < lines.size() && !lines.get(j).isBlank() && !lines.get(j).contains("Returns:"); j++) {
                Matcher d = DOC_ARG.matcher(lines.get(j));
                if (d.matches()) docTexts.put(d.group(1), d.group(3));
            }
        }
        Set<String> requiredMsgs = new LinkedHashSet<>();
        Matcher rm = REQUIRED_MSG.matcher(text);
        while (rm.find()) requiredMsgs.add(rm.group(1));
        for (String name : comments.keySet()) {
            String doc = docTexts.get(name);
            String comment = comments.get(name);
            String label = doc != null ? doc : comment;
            if (comment != null && comment.contains("[필수]") && label != null && !label.contains("[필수]")) label = "[필수] " + label;
            args.put(name, new Arg(name, defaults.get(name), hasDefault.contains(name), label, requiredMsgs.contains(name)));
        }

        List<Tr> trs = new ArrayList<>();
        String variantArg = null;
        Map<String, String[]> byVariant = new LinkedHashMap<>();
        Deque<Cond> stack = new ArrayDeque<>();
        for (int j = i; j < lines.size(); j++) {
            String l = lines.get(j);
            if (l.isBlank() || l.strip().startsWith("#")) continue;
            int indent = indent(l);
            Matcher c = COND.matcher(l);
            Matcher e = ELSE.matcher(l);
            while (!stack.isEmpty() && stack.peek().indent() >= indent) stack.pop();
            if (c.matches()) {
                stack.push(Cond.of(indent, c.group(3)));
                continue;
            }
            if (e.matches()) {
                stack.push(new Cond(indent, null, List.of()));
                continue;
            }
            Matcher t = TR.matcher(l);
            if (!t.find()) continue;
            List<String> envs = List.of("real");
            String variant = null;
            for (Cond s : stack) {
                if (s.var() == null) continue;
                if (s.var().equals(ENV_ARG)) envs = s.values();
                else {
                    variantArg = s.var();
                    variant = s.values().get(0);
                }
            }
            String[] pair = byVariant.computeIfAbsent(variant == null ? "" : variant, k -> new String[2]);
            for (String env : envs) pair["demo".equals(env) ? 1 : 0] = t.group(2);
        }
        for (Map.Entry<String, String[]> v : byVariant.entrySet()) {
            trs.add(new Tr(v.getKey().isEmpty() ? null : v.getKey(), v.getValue()[0], v.getValue()[1]));
        }

        List<Param> params = new ArrayList<>();
        int dict = indexOf(lines, "params = {", i);
        if (dict >= 0) {
            for (int j = dict + 1; j < lines.size() && !lines.get(j).strip().startsWith("}"); j++) {
                Matcher d = DICT_ENTRY.matcher(lines.get(j));
                if (d.matches()) params.add(param(d.group(1), d.group(2).strip(), false));
            }
            for (int j = dict; j < lines.size(); j++) {
                Matcher a = ADDED.matcher(lines.get(j));
                if (a.matches() && params.stream().noneMatch(p -> p.name().equals(a.group(1)))) {
                    params.add(param(a.group(1), a.group(2).strip(), true));
                }
            }
        }
        List<String> blocks = new ArrayList<>();
        Matcher b = BLOCK.matcher(text);
        while (b.find()) if (!blocks.contains(b.group(1))) blocks.add(b.group(1));
        Set<String> single = new LinkedHashSet<>();
        Matcher sm = SINGLE.matcher(text);
        while (sm.find()) single.add(sm.group(1) != null ? sm.group(1) : sm.group(2));
        return new ApiSource(id, category, menu, title, docId, path, text.contains("postFlag=True"), trs, variantArg,
                args, params, blocks, single, args.containsKey("tr_cont"));
    }

    /** An {@code if}/{@code elif} on one argument's values ({@code a == "x" or a == "y"}); var null for any other test. */
    private record Cond(int indent, String var, List<String> values) {
        static Cond of(int indent, String test) {
            String var = null;
            List<String> values = new ArrayList<>();
            for (String part : test.split("\\s+or\\s+")) {
                Matcher m = EQUALS.matcher(part.strip());
                if (!m.matches() || var != null && !var.equals(m.group(1))) return new Cond(indent, null, List.of());
                var = m.group(1);
                values.add(m.group(2));
            }
            return new Cond(indent, var, values);
        }
    }

    private static Param param(String name, String expr, boolean optional) {
        String lit = literal(expr);
        boolean isLiteral = expr.startsWith("\"") || expr.startsWith("'");
        return new Param(name, isLiteral ? null : expr, isLiteral ? lit : null, optional);
    }

    /** A string literal's value; {@code None} → null; anything else as written. */
    private static String literal(String expr) {
        if (expr.length() >= 2 && (expr.startsWith("\"") && expr.endsWith("\"") || expr.startsWith("'") && expr.endsWith("'"))) {
            return expr.substring(1, expr.length() - 1);
        }
        return "None".equals(expr) ? null : expr;
    }

    private static int indexOf(List<String> lines, String needle, int from) {
        for (int i = Math.max(0, from); i < lines.size(); i++) if (lines.get(i).contains(needle)) return i;
        return -1;
    }

    private static int indent(String l) {
        int n = 0;
        while (n < l.length() && l.charAt(n) == ' ') n++;
        return n;
    }
}
