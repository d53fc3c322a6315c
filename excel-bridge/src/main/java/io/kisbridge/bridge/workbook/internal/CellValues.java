package io.kisbridge.bridge.workbook.internal;

import java.util.regex.Pattern;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;

/**
 * KIS's strings as cell values: the bridge's JSON rule — a number unless it has leading zeros (codes such as
 * 005930 and HHMMSS times stay text).
 */
public final class CellValues {
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    private CellValues() {
    }

    public static boolean isNumber(String v) {
        return v != null && v.length() < 18 && NUMBER.matcher(v).matches();
    }

    public static ValueEval eval(String v) {
        if (isNumber(v)) {
            return new NumberEval(Double.parseDouble(v));
        }
        return new StringEval(v == null ? "" : v);
    }
}
