package io.kisbridge.bridge.workbook.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small formula-text checks. */
public final class Formulas {
    private static final Pattern LEADING_CALL = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*\\(");

    private Formulas() {
    }

    /**
     * Whether the whole formula is one KIS call ({@code KIS.HISTORY("005930","20240101")}, any spelling): such a cell
     * is the anchor a table spills from. WEBSERVICE is not (it answers text).
     */
    public static boolean isSingleKisCall(String formula) {
        Matcher m = LEADING_CALL.matcher(formula);
        if (!m.find()) {
            return false;
        }
        String bare = FunctionNames.bare(m.group(1)).orElse(null);
        if (bare == null || bare.equals(FunctionNames.WEBSERVICE)) {
            return false;
        }
        int depth = 0;
        boolean inString = false;
        String f = formula.strip();
        for (int i = m.end() - 1; i < f.length(); i++) {
            char ch = f.charAt(i);
            if (ch == '"') {
                inString = !inString;
            } else if (!inString && ch == '(') {
                depth++;
            } else if (!inString && ch == ')') {
                depth--;
                if (depth == 0) {
                    return i == f.length() - 1;
                }
            }
        }
        return false;
    }

    public static boolean mentionsKis(String formula) {
        return FunctionNames.MENTIONS_KIS.matcher(formula).find();
    }
}
