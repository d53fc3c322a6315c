package io.kisbridge.catalogimport.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of one {@code chk_<api>.py} file: {@code COLUMN_MAPPING} (output field code → Korean meaning, in the
 * order written, repeats kept since a repeat marks where the next output block's fields begin),
 * {@code NUMERIC_COLUMNS}, and the literal keyword arguments of the sample call (valid example values).
 */
record ColumnSource(List<Map.Entry<String, String>> columns, Set<String> numeric, Map<String, String> exampleArgs) {
    private static final Pattern ENTRY = Pattern.compile("[\"']([^\"']+)[\"']\\s*:\\s*[\"']([^\"']*)[\"']");
    private static final Pattern STRING = Pattern.compile("[\"']([^\"']+)[\"']");
    private static final Pattern KWARG = Pattern.compile("(\\w+)\\s*=\\s*[\"']([^\"']*)[\"']");

    static ColumnSource parse(String apiFunction, String text) {
        List<Map.Entry<String, String>> columns = new ArrayList<>();
        String mapping = section(text, "COLUMN_MAPPING", '{', '}');
        if (mapping != null) {
            Matcher m = ENTRY.matcher(mapping);
            while (m.find()) columns.add(Map.entry(m.group(1), m.group(2)));
        }
        Set<String> numeric = new LinkedHashSet<>();
        String num = section(text, "NUMERIC_COLUMNS", '[', ']');
        if (num != null) {
            Matcher m = STRING.matcher(num);
            while (m.find()) numeric.add(m.group(1));
        }
        Map<String, String> examples = new LinkedHashMap<>();
        int main = text.indexOf("def main");
        int call = main < 0 ? -1 : text.indexOf(apiFunction + "(", main);
        if (call >= 0) {
            String args = balanced(text, call + apiFunction.length());
            if (args != null) {
                Matcher m = KWARG.matcher(args);
                while (m.find()) examples.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return new ColumnSource(columns, numeric, examples);
    }

    /** The bracketed text after {@code NAME =}, or null. */
    private static String section(String text, String name, char open, char close) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\s*=\\s*\\" + open).matcher(text);
        if (!m.find()) return null;
        int end = text.indexOf(close, m.end());
        return end < 0 ? null : text.substring(m.end(), end);
    }

    private static String balanced(String text, int openAt) {
        int depth = 0;
        for (int i = openAt; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return text.substring(openAt + 1, i);
        }
        return null;
    }
}
