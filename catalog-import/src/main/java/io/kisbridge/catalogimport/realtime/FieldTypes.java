package io.kisbridge.catalogimport.realtime;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The value type of a realtime field guessed from its KIS code, following KIS's naming: {@code _HOUR} times,
 * {@code _DATE} dates, {@code _SIGN} signs, {@code CTRT}/{@code RATE} rates, {@code _YN}/{@code _CODE}/
 * {@code _CLS} codes, names and contents text, index levels and NAVs decimal, prices/quantities/counts integer.
 * A column the sample marks numeric and that no rule names is an integer. The curated overrides correct the
 * rest; a re-import keeps them.
 */
public final class FieldTypes {
    public static final List<String> ALL = List.of("text", "integer", "decimal", "rate", "date", "time", "sign", "code");

    private record Rule(Pattern pattern, String type) {
    }

    private static final List<Rule> RULES = List.of(
            rule("_YN(_?\\d+)?$", "code"),
            rule("SIGN\\d*$", "sign"),
            rule("(^|_)(HOUR|TIME)\\d*$", "time"),
            rule("(^|_)DATE\\d*$", "date"),
            rule("(CTRT|RATE|TNRT|RLIM)\\d*$", "rate"),
            rule("(^|_)(NAME|ISNM|ISNM40|CNTT|FILLER|MBCR_NAME)\\d*$", "text"),
            rule("NAME\\d*$", "text"),
            rule("(ISCD|_CODE|_CLS|CLS_CODE|DVSN|_GB|_NO|_ID|_KIND|_COND)\\d*$", "code"),
            rule("^(CUST_ID|ACNT_NO|ODER_NO|OODER_NO|BRNC_NO|SELN_BYOV_CLS|RCTF_CLS)$", "code"),
            rule("(NMIX|NAV|WGHN_AVRG|CTTR|_PRPR_RATE|TICK_VRSS)", "decimal"),
            rule("(PRPR|PRC|PRICE|VOL|QTY|CNT|CNQN|PBMN|RSQN|CSNU|SMTN|VRSS|ICDC|OPRC|HGPR|LWPR|ASKP|BIDP|UNPR|AMT|QTY)\\d*",
                    "integer"));

    private FieldTypes() {
    }

    private static Rule rule(String regex, String type) {
        return new Rule(Pattern.compile(regex), type);
    }

    /** The guessed type of an upper-case code; {@code numeric} says the sample lists it as a numeric column. */
    public static String guess(String code, boolean numeric) {
        for (Rule r : RULES) {
            if (r.pattern().matcher(code).find()) {
                return r.type();
            }
        }
        return numeric ? "integer" : "text";
    }
}
