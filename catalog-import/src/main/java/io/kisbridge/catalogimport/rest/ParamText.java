package io.kisbridge.catalogimport.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the short Korean label the official samples give a parameter (e.g. {@code [필수] 조건 시장 분류 코드 (ex.
 * J:KRX, NX:NXT, UN:통합)}) into its parts: the label, whether it is marked required, the allowed values with their
 * meanings, and an example. Only the facts are kept; free prose in the parentheses is dropped.
 */
record ParamText(String label, boolean requiredMark, Map<String, String> values, String example) {
    private static final Pattern PAIR = Pattern.compile("^\\s*(?:ex\\.?|예:?)?\\s*'?([A-Za-z0-9]{1,8})'?\\s*:\\s*(.+?)\\s*$");
    private static final Pattern EXAMPLE = Pattern.compile("^\\s*(?:ex\\.?|예:?|e\\.g\\.)\\s*'?([A-Za-z0-9]{1,20})'?\\s*$");

    static ParamText parse(String text) {
        if (text == null) return new ParamText("", false, Map.of(), null);
        String s = text.strip();
        boolean required = s.contains("[필수]");
        s = s.replace("[필수]", "").replace("[선택]", "").strip();
        List<String> groups = new ArrayList<>();
        StringBuilder label = new StringBuilder();
        int depth = 0;
        StringBuilder group = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(') {
                if (depth++ > 0) group.append(c);
            } else if (c == ')' && depth > 0) {
                if (--depth == 0) {
                    groups.add(group.toString());
                    group.setLength(0);
                } else {
                    group.append(c);
                }
            } else if (depth > 0) {
                group.append(c);
            } else if (groups.isEmpty()) {
                label.append(c);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        String example = null;
        for (String g : groups) {
            Map<String, String> pairs = pairs(g);
            if (!pairs.isEmpty() && values.isEmpty()) {
                values.putAll(pairs);
            } else if (example == null) {
                Matcher m = EXAMPLE.matcher(g);
                if (m.matches()) example = m.group(1);
            }
        }
        String plain = label.toString().strip();
        if (values.isEmpty() && plain.contains(":")) {
            Map<String, String> whole = pairs(plain);
            if (!whole.isEmpty()) values.putAll(whole);
        }
        return new ParamText(plain, required, values, example);
    }

    /** {@code J:KRX, NX:NXT} → J=KRX, NX=NXT; empty unless every comma part is such a pair. */
    private static Map<String, String> pairs(String group) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : group.split(",")) {
            if (part.isBlank()) continue;
            Matcher m = PAIR.matcher(part);
            if (!m.matches()) return Map.of();
            out.put(m.group(1), m.group(2));
        }
        return out;
    }
}
